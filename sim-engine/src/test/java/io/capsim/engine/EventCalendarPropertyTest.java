package io.capsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The calendar behaves exactly like a reference model, a TreeMap keyed by (time, insertion
 * sequence), over random sequences of schedule, cancel and poll: events come out in the same order
 * (so ties are FIFO), cancelled events never fire, cancel answers the same, and the size always
 * agrees. Times are drawn from a narrow range so that ties are frequent, and cancels outnumber
 * polls in some sequences so that compaction runs.
 */
class EventCalendarPropertyTest {
  private record Key(long time, long seq) implements Comparable<Key> {
    @Override
    public int compareTo(Key other) {
      int byTime = Long.compare(time, other.time);
      return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }
  }

  /**
   * One step: kind 0 = schedule at a time offset, 1 = cancel the n-th handle ever issued, 2 = poll.
   */
  private record Op(int kind, int argument) {}

  @Property(tries = 300, seed = "20261128")
  void calendar_matchesTreeMapReference(
      @ForAll HeapArity arity, @ForAll("operations") List<Op> operations) {
    EventCalendar<Long> calendar = new EventCalendar<>(arity);
    TreeMap<Key, Long> reference = new TreeMap<>();
    Map<Long, Key> keyOfPayload = new HashMap<>();
    List<Long> handles = new ArrayList<>();
    List<Long> payloadOfHandle = new ArrayList<>();
    long nextSeq = 0;
    long now = 0;

    for (Op op : operations) {
      switch (op.kind()) {
        case 0 -> {
          long payload = nextSeq;
          Key key = new Key(now + op.argument(), nextSeq++);
          long handle = calendar.schedule(key.time(), payload);
          assertThat(handle).as("handles are positive").isPositive();
          reference.put(key, payload);
          keyOfPayload.put(payload, key);
          handles.add(handle);
          payloadOfHandle.add(payload);
        }
        case 1 -> {
          if (handles.isEmpty()) {
            continue;
          }
          int index = op.argument() % handles.size();
          Key key = keyOfPayload.get(payloadOfHandle.get(index));
          boolean live = reference.remove(key) != null;
          assertThat(calendar.isPending(handles.get(index))).isEqualTo(live);
          assertThat(calendar.cancel(handles.get(index))).isEqualTo(live);
          assertThat(calendar.isPending(handles.get(index))).isFalse();
        }
        default -> {
          if (reference.isEmpty()) {
            assertThat(calendar.isEmpty()).isTrue();
            continue;
          }
          Map.Entry<Key, Long> first = reference.pollFirstEntry();
          assertThat(calendar.peekTimeMicros()).isEqualTo(first.getKey().time());
          assertThat(calendar.poll()).isEqualTo(first.getValue());
          now = first.getKey().time();
        }
      }
      assertThat(calendar.size()).isEqualTo(reference.size());
    }
    while (!reference.isEmpty()) {
      assertThat(calendar.poll()).isEqualTo(reference.pollFirstEntry().getValue());
    }
    assertThat(calendar.isEmpty()).isTrue();
  }

  /** Mixes with random weights, so some sequences are mostly cancels and compaction runs. */
  @Provide
  Arbitrary<List<Op>> operations() {
    Arbitrary<Op> schedule = Arbitraries.integers().between(0, 20).map(offset -> new Op(0, offset));
    Arbitrary<Op> cancel = Arbitraries.integers().between(0, 10_000).map(n -> new Op(1, n));
    Arbitrary<Op> poll = Arbitraries.just(new Op(2, 0));
    return Combinators.combine(
            Arbitraries.integers().between(1, 6), Arbitraries.integers().between(0, 6))
        .flatAs(
            (cancelWeight, pollWeight) ->
                Arbitraries.frequencyOf(
                        Tuple.of(6, schedule),
                        Tuple.of(cancelWeight, cancel),
                        Tuple.of(pollWeight, poll))
                    .list()
                    .ofMaxSize(1500));
  }
}
