package io.capsim.engine.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Streams depend on (seed, name, replication) and nothing else: reproducible, independent of which
 * other streams exist, and the same on every machine (pinned to values computed independently).
 */
class RandomStreamsTest {
  @Test
  void seedFor_isTheDocumentedSha256Derivation() {
    // python3: struct.unpack('>4q', sha256(struct.pack('>qi', 42, 0) + b'finetune.arrivals'))
    assertThat(RandomStreams.seedFor(42, "finetune.arrivals", 0))
        .containsExactly(
            3183967287135945175L,
            5951021203843978643L,
            -5726460198465311465L,
            -6538855232198950442L);
  }

  @Test
  void stream_firstDraws_arePinnedAcrossMachines() {
    // xoshiro256++ (Blackman and Vigna, prng.di.unimi.it) written out in Python from that state;
    // a double is the upper 53 bits times 2^-53.
    RandomStream stream = new RandomStreams(42, 0).stream("finetune.arrivals");
    assertThat(stream.nextDouble()).isEqualTo(0.7670648774775247);
    assertThat(stream.nextDouble()).isEqualTo(0.8143091140809535);
    assertThat(stream.nextLong()).isEqualTo(-5017341969588574899L);
  }

  @Property(tries = 50)
  void stream_sameSeedNameAndReplication_sameNumbers(
      @ForAll long seed,
      @ForAll @StringLength(min = 1, max = 40) String name,
      @ForAll @IntRange(min = 0, max = 1000) int replication) {
    RandomStream a = new RandomStreams(seed, replication).stream(name);
    RandomStream b = new RandomStreams(seed, replication).stream(name);
    for (int i = 0; i < 100; i++) {
      assertThat(a.nextDouble()).isEqualTo(b.nextDouble());
    }
  }

  @Property(tries = 50)
  void stream_addingAnotherStream_leavesItsNumbersUnchanged(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 1000) int replication) {
    RandomStream alone = new RandomStreams(seed, replication).stream("cluster.provisioning");
    double[] expected = new double[20];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = alone.nextDouble();
    }

    RandomStreams streams = new RandomStreams(seed, replication);
    RandomStream before = streams.stream("a-stream-made-first");
    before.nextDouble();
    RandomStream target = streams.stream("cluster.provisioning");
    for (int i = 0; i < 10; i++) {
      assertThat(target.nextDouble()).isEqualTo(expected[i]);
    }
    streams.stream("a-stream-made-later").nextDouble();
    for (int i = 10; i < 20; i++) {
      assertThat(target.nextDouble()).isEqualTo(expected[i]);
    }
  }

  @Property(tries = 50)
  void stream_otherNameReplicationOrSeed_givesOtherNumbers(
      @ForAll long seed, @ForAll @IntRange(min = 0, max = 1000) int replication) {
    double base = new RandomStreams(seed, replication).stream("w.arrivals").nextDouble();
    assertThat(new RandomStreams(seed, replication).stream("w.durations").nextDouble())
        .isNotEqualTo(base);
    assertThat(new RandomStreams(seed, replication + 1).stream("w.arrivals").nextDouble())
        .isNotEqualTo(base);
    assertThat(new RandomStreams(seed + 1, replication).stream("w.arrivals").nextDouble())
        .isNotEqualTo(base);
  }

  @Test
  void constructor_negativeReplication_isRefused() {
    assertThatThrownBy(() -> new RandomStreams(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("replication must be >= 0, was -1");
  }

  @Test
  void stream_emptyName_isRefused() {
    assertThatThrownBy(() -> new RandomStreams(1, 0).stream(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a random stream needs a non-empty name");
  }

  @Test
  void streamsAndRuns_sayWhoTheyAre() {
    RandomStreams streams = new RandomStreams(42, 3);
    assertThat(streams.seed()).isEqualTo(42);
    assertThat(streams.replication()).isEqualTo(3);
    RandomStream stream = streams.stream("workload.a.arrivals");
    assertThat(stream.name()).isEqualTo("workload.a.arrivals");
    assertThat(stream).hasToString("RandomStream[workload.a.arrivals]");
  }
}
