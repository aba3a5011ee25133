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
    // python3: struct.unpack('>8i', sha256(struct.pack('>qi', 42, 0) + b'finetune.arrivals'))
    assertThat(RandomStreams.seedFor(42, "finetune.arrivals", 0))
        .containsExactly(
            741325152,
            -701251113,
            1385580097,
            1240470931,
            -1333295414,
            571469079,
            -1522445873,
            -2028748330);
  }

  @Test
  void stream_firstDraws_arePinnedAcrossMachines() {
    RandomStream stream = new RandomStreams(42, 0).stream("finetune.arrivals");
    assertThat(stream.nextDouble()).isEqualTo(0.19201202196241662);
    assertThat(stream.nextDouble()).isEqualTo(0.761377969272091);
    assertThat(stream.nextInt(1000)).isEqualTo(72);
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
