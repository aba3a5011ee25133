package io.capsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The calendar's contract, for every heap arity: order, FIFO ties and safe cancellation. */
class EventCalendarTest {
  @ParameterizedTest
  @EnumSource(HeapArity.class)
  void poll_sameTime_firesInInsertionOrder(HeapArity arity) {
    EventCalendar<String> calendar = new EventCalendar<>(arity);
    for (int i = 0; i < 200; i++) {
      calendar.schedule(i % 2 == 0 ? 5 : 3, "e" + i);
    }
    List<String> order = drain(calendar);
    assertThat(order.subList(0, 100)).allMatch(e -> Integer.parseInt(e.substring(1)) % 2 == 1);
    assertThat(order.subList(0, 100)).isSortedAccordingTo(EventCalendarTest::byNumber);
    assertThat(order.subList(100, 200)).isSortedAccordingTo(EventCalendarTest::byNumber);
  }

  @ParameterizedTest
  @EnumSource(HeapArity.class)
  void cancel_twiceOrAfterFiring_isHarmlessAndReturnsFalse(HeapArity arity) {
    EventCalendar<String> calendar = new EventCalendar<>(arity);
    long first = calendar.schedule(1, "first");
    long second = calendar.schedule(2, "second");
    assertThat(calendar.cancel(second)).isTrue();
    assertThat(calendar.cancel(second)).isFalse();
    assertThat(calendar.poll()).isEqualTo("first");
    assertThat(calendar.cancel(first)).isFalse();
    assertThat(calendar.isEmpty()).isTrue();
    assertThat(calendar.cancel(0)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(HeapArity.class)
  void cancel_staleHandleAfterSlotReuse_leavesTheNewEventAlone(HeapArity arity) {
    EventCalendar<String> calendar = new EventCalendar<>(arity);
    long stale = calendar.schedule(1, "old");
    calendar.poll();
    long fresh = calendar.schedule(2, "new");
    assertThat(EventCalendar.slotOf(fresh))
        .as("same slot reused")
        .isEqualTo(EventCalendar.slotOf(stale));
    assertThat(calendar.cancel(stale)).isFalse();
    assertThat(calendar.isPending(fresh)).isTrue();
    assertThat(calendar.poll()).isEqualTo("new");
  }

  @ParameterizedTest
  @EnumSource(HeapArity.class)
  void cancel_mostOfManyEvents_keepsTheRestInOrder(HeapArity arity) {
    EventCalendar<Integer> calendar = new EventCalendar<>(arity);
    long[] handles = new long[10_000];
    for (int i = 0; i < handles.length; i++) {
      handles[i] = calendar.schedule((i * 7919L) % 10_007, i);
    }
    for (int i = 0; i < handles.length; i++) {
      if (i % 10 != 0) {
        assertThat(calendar.cancel(handles[i])).isTrue();
      }
    }
    assertThat(calendar.size()).isEqualTo(1_000);
    long previous = -1;
    while (!calendar.isEmpty()) {
      long time = calendar.peekTimeMicros();
      int payload = calendar.poll();
      assertThat(payload % 10).isZero();
      assertThat(time).isEqualTo((payload * 7919L) % 10_007).isGreaterThanOrEqualTo(previous);
      previous = time;
    }
  }

  @ParameterizedTest
  @EnumSource(HeapArity.class)
  void cancel_compactionRightAfterPoll_keepsEveryOtherEventOnce(HeapArity arity) {
    EventCalendar<Integer> calendar = new EventCalendar<>(arity);
    long[] handles = new long[300];
    for (int i = 0; i < handles.length; i++) {
      handles[i] = calendar.schedule(i, i);
    }
    assertThat(calendar.poll()).isZero();
    for (int i = 1; i < 250; i++) {
      calendar.cancel(handles[i]);
    }
    assertThat(calendar.size()).isEqualTo(50);
    for (int i = 0; i < 10; i++) {
      calendar.schedule(1_000 + i, 1_000 + i);
    }
    List<Integer> order = drain(calendar);
    assertThat(order).hasSize(60).doesNotHaveDuplicates().isSorted();
    assertThat(order.get(0)).isEqualTo(250);
  }

  @ParameterizedTest
  @EnumSource(HeapArity.class)
  void poll_empty_throwsNoSuchElement(HeapArity arity) {
    EventCalendar<String> calendar = new EventCalendar<>(arity);
    calendar.cancel(calendar.schedule(1, "gone"));
    assertThatThrownBy(calendar::poll)
        .isInstanceOf(NoSuchElementException.class)
        .hasMessage("the event calendar is empty");
    assertThatThrownBy(calendar::peekTimeMicros).isInstanceOf(NoSuchElementException.class);
  }

  @ParameterizedTest
  @EnumSource(HeapArity.class)
  void pollDue_takesOnlyWhatIsDue_skippingTheCancelled(HeapArity arity) {
    EventCalendar<String> calendar = new EventCalendar<>(arity);
    calendar.cancel(calendar.schedule(7, "cancelled"));
    calendar.schedule(9, "at 9");
    calendar.schedule(12, "at 12");
    assertThat(calendar.pollDue(8)).as("nothing due by 8").isNull();
    assertThat(calendar.size()).isEqualTo(2);
    assertThat(calendar.pollDue(9)).isEqualTo("at 9");
    assertThat(calendar.polledTimeMicros()).isEqualTo(9);
    assertThat(calendar.pollDue(11)).isNull();
    assertThat(calendar.polledTimeMicros())
        .as("unchanged by a poll that took nothing")
        .isEqualTo(9);
    assertThat(calendar.pollDue(Long.MAX_VALUE)).isEqualTo("at 12");
    assertThat(calendar.polledTimeMicros()).isEqualTo(12);
    assertThat(calendar.pollDue(Long.MAX_VALUE)).as("empty").isNull();
  }

  private static int byNumber(String a, String b) {
    return Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)));
  }

  private static <E> List<E> drain(EventCalendar<E> calendar) {
    List<E> out = new ArrayList<>();
    while (!calendar.isEmpty()) {
      out.add(calendar.poll());
    }
    return out;
  }

  @ParameterizedTest
  @EnumSource(HeapArity.class)
  void compaction_waitsFor64DeadEntries_thatOutnumberTheLiveOnes(HeapArity arity) {
    EventCalendar<Integer> small = new EventCalendar<>(arity);
    long[] handles = schedule(small, 120);
    cancel(small, handles, 0, 63);
    assertThat(small.heapEntries()).as("63 dead of 120").isEqualTo(120);
    small.cancel(handles[63]);
    assertThat(small.heapEntries()).as("64 dead of 120").isEqualTo(56);

    EventCalendar<Integer> large = new EventCalendar<>(arity);
    handles = schedule(large, 200);
    cancel(large, handles, 0, 100);
    assertThat(large.heapEntries()).as("100 dead, 100 live").isEqualTo(200);
    large.cancel(handles[100]);
    assertThat(large.heapEntries()).as("101 dead, 99 live").isEqualTo(99);
    assertThat(drain(large)).hasSize(99).isSorted().startsWith(101);
  }

  @ParameterizedTest
  @EnumSource(HeapArity.class)
  void aHoleFilledAfterADeadEntryWasDropped_losesNothing(HeapArity arity) {
    // Dropping the dead entry leaves a stale copy just past the heap's end, which the sift-down
    // that fills the hole must not read as a child.
    EventCalendar<String> calendar = new EventCalendar<>(arity);
    calendar.cancel(calendar.schedule(8, "cancelled"));
    calendar.schedule(3, "first");
    assertThat(calendar.poll()).isEqualTo("first");
    calendar.schedule(9, "second");
    assertThat(calendar.heapEntries()).as("the new entry and the dead one").isEqualTo(2);
    assertThat(calendar.poll()).isEqualTo("second");
    assertThat(calendar.heapEntries()).isZero();
    assertThat(calendar.isEmpty()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(HeapArity.class)
  void slotsOfFiredAndCancelledEvents_areReused(HeapArity arity) {
    EventCalendar<Integer> calendar = new EventCalendar<>(arity);
    for (int round = 0; round < 10_000; round++) {
      long dropped = calendar.schedule(round, round);
      calendar.schedule(round, round);
      calendar.cancel(dropped);
      calendar.poll();
    }
    for (int round = 0; round < 100; round++) {
      long[] handles = schedule(calendar, 100);
      cancel(calendar, handles, 0, 100);
    }
    // At most 100 live at once, and no more dead ones than compaction lets stay (fewer than 64, or
    // no more than the live ones); a leak would hold some 20,000.
    assertThat(calendar.slotsAllocated()).isLessThanOrEqualTo(2 * 100);
    assertThat(calendar.isEmpty()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(HeapArity.class)
  void randomCancellations_leaveTheOthersInOrder_compactionIncluded(HeapArity arity) {
    for (int seed = 0; seed < 300; seed++) {
      java.util.Random random = new java.util.Random(seed);
      EventCalendar<Integer> calendar = new EventCalendar<>(arity);
      int n = 100 + random.nextInt(200);
      // By (time, insertion): what a correct calendar fires, less what is polled or cancelled.
      java.util.TreeMap<Long, Integer> expected = new java.util.TreeMap<>();
      long[] handles = new long[n];
      for (int i = 0; i < n; i++) {
        long time = random.nextInt(50);
        handles[i] = calendar.schedule(time, i);
        expected.put(time * 1_000 + i, i);
      }
      if (random.nextBoolean()) {
        assertThat(calendar.poll()).isEqualTo(expected.pollFirstEntry().getValue());
      }
      for (int i = 0; i < n; i++) {
        if (random.nextInt(4) != 0 && calendar.cancel(handles[i])) {
          expected.values().remove(i);
        }
      }
      for (int i = 0; i < 20; i++) {
        calendar.schedule(25, n + i);
        expected.put(25 * 1_000L + n + i, n + i);
      }
      assertThat(drain(calendar)).as("seed %d", seed).containsExactlyElementsOf(expected.values());
    }
  }

  @ParameterizedTest
  @EnumSource(HeapArity.class)
  void handles_ofTheFirstSlot_andOfSlotsNeverIssued(HeapArity arity) {
    EventCalendar<Integer> calendar = new EventCalendar<>(arity);
    long first = calendar.schedule(5, 0);
    assertThat(EventCalendar.slotOf(first)).as("slot").isZero();
    assertThat(calendar.isPending(first)).isTrue();
    schedule(calendar, 63);
    assertThat(calendar.slotsAllocated()).isEqualTo(64);
    long neverIssued = EventCalendar.key(1, 64);
    assertThat(calendar.isPending(neverIssued)).isFalse();
    assertThat(calendar.cancel(neverIssued)).isFalse();
    assertThat(calendar.cancel(0)).isFalse();
    assertThat(calendar.cancel(first)).isTrue();
  }

  /**
   * Past 2^39 - 1 events a key would not be positive, so the calendar refuses the next, and every
   * one after it, leaving what is pending as it was.
   */
  @Test
  void theSequenceLimit_isRefusedWithItsNumber() {
    long last = (1L << 39) - 1;
    EventCalendar<String> calendar = new EventCalendar<>(HeapArity.BINARY, last);
    long handle = calendar.schedule(5, "the last");
    assertThat(handle).isPositive();
    assertThat(calendar.isPending(handle)).isTrue();
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> calendar.schedule(6, "one more"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("a run cannot schedule more than 549755813887 events");
    }
    assertThat(calendar.size()).isEqualTo(1);
    assertThat(calendar.poll()).isEqualTo("the last");
  }

  /** A slot number of 2^24 would spill into the sequence, so the calendar refuses it. */
  @Test
  void pendingEventsBeyondTheSlotLimit_areRefusedWithTheLimit() {
    EventCalendar<String> calendar = new EventCalendar<>();
    int limit = 1 << 24;
    for (int i = 0; i < limit; i++) {
      calendar.schedule(7, "pending");
    }
    assertThat(calendar.size()).isEqualTo(limit);
    assertThatThrownBy(() -> calendar.schedule(7, "one more"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a run cannot hold more than 16777216 pending events at once");
  }

  private static long[] schedule(EventCalendar<Integer> calendar, int count) {
    long[] handles = new long[count];
    for (int i = 0; i < count; i++) {
      handles[i] = calendar.schedule(1000 + i, i);
    }
    return handles;
  }

  private static void cancel(EventCalendar<Integer> calendar, long[] handles, int from, int to) {
    for (int i = from; i < to; i++) {
      assertThat(calendar.cancel(handles[i])).isTrue();
    }
  }

  @Test
  void numbers_comeBackWithTheirEvents_andAReusedSlotForgetsTheOldOne() {
    EventCalendar<String> calendar = new EventCalendar<>();
    calendar.schedule(5, "a", 7);
    calendar.schedule(3, "b");
    calendar.schedule(4, "c", Integer.MIN_VALUE);
    assertThat(calendar.pollDue(10)).isEqualTo("b");
    assertThat(calendar.polledNumber()).isZero();
    assertThat(calendar.pollDue(10)).isEqualTo("c");
    assertThat(calendar.polledNumber()).isEqualTo(Integer.MIN_VALUE);
    assertThat(calendar.pollDue(10)).isEqualTo("a");
    assertThat(calendar.polledNumber()).isEqualTo(7);
    // "a"'s slot, freed last, is the next taken: a plain schedule there has number 0.
    calendar.schedule(6, "d");
    assertThat(calendar.pollDue(10)).isEqualTo("d");
    assertThat(calendar.polledNumber()).isZero();
    assertThat(calendar.slotsAllocated()).isEqualTo(3);
  }

  @Test
  void numbers_surviveTheSlotTableGrowing() {
    EventCalendar<Integer> calendar = new EventCalendar<>();
    for (int i = 0; i < 200; i++) {
      calendar.schedule(1000 - i, i, 3 * i);
    }
    for (int i = 199; i >= 0; i--) {
      assertThat(calendar.pollDue(Long.MAX_VALUE)).isEqualTo(i);
      assertThat(calendar.polledNumber()).isEqualTo(3 * i);
    }
  }
}
