package io.capsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
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
    assertThat((int) fresh).as("same slot reused").isEqualTo((int) stale);
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
}
