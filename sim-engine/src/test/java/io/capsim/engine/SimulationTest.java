package io.capsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.engine.stat.Tally;
import io.capsim.engine.stat.TimeWeighted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run loop: when events fire, where the clock ends, stopping, warm-up and past-time errors. */
class SimulationTest {
  private final Simulation simulation = new Simulation(1, 0);
  private final List<String> fired = new ArrayList<>();

  @Test
  void runUntil_firesEventsDueAtTheEndAndLeavesTheClockThere() {
    simulation.scheduleAt(10, s -> fired.add("at 10 @" + s.nowMicros()));
    simulation.scheduleAt(20, s -> fired.add("at 20 @" + s.nowMicros()));
    simulation.scheduleAt(21, s -> fired.add("at 21"));
    simulation.runUntil(20);
    assertThat(fired).containsExactly("at 10 @10", "at 20 @20");
    assertThat(simulation.nowMicros()).isEqualTo(20);
    simulation.runUntil(100);
    assertThat(fired).hasSize(3);
    assertThat(simulation.nowMicros()).isEqualTo(100);
    assertThat(simulation.eventsFired()).isEqualTo(3);
  }

  @Test
  void runUntil_beforeTheNextEvent_movesTheClockToTheEndAndKeepsTheEvent() {
    simulation.scheduleAt(100, s -> fired.add("at 100 @" + s.nowMicros()));
    simulation.runUntil(50);
    assertThat(simulation.nowMicros()).isEqualTo(50);
    assertThat(fired).isEmpty();
    assertThat(simulation.pendingEvents()).isEqualTo(1);
    simulation.schedule(10, s -> fired.add("at 60 @" + s.nowMicros()));
    simulation.runUntil(100);
    assertThat(fired).containsExactly("at 60 @60", "at 100 @100");
  }

  @Test
  void runUntil_theLongestRun_leavesACappedDelayUnfired_andRefusesToGoFurther() {
    simulation.scheduleAt(SimTime.LONGEST_RUN_MICROS - 1, s -> fired.add("last"));
    simulation.runUntil(1);
    simulation.schedule(SimTime.secondsToMicros(1e300), s -> fired.add("capped"));
    simulation.runUntil(SimTime.LONGEST_RUN_MICROS);
    assertThat(fired).containsExactly("last");
    assertThat(simulation.pendingEvents()).isEqualTo(1);
    assertThatThrownBy(() -> simulation.runUntil(SimTime.LONGEST_RUN_MICROS + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot run until 3153600000000001 µs (36500d 00:00:00.000001): a run ends by"
                + " 3153600000000000 µs (36500d 00:00:00)");
  }

  @Test
  void isPending_isFalseOnceTheEventFiredOrWasCancelled() {
    long fires = simulation.scheduleAt(10, s -> fired.add("fired"));
    long cancelled = simulation.scheduleAt(20, s -> fired.add("cancelled"));
    simulation.runUntil(10);
    assertThat(simulation.isPending(fires)).isFalse();
    assertThat(simulation.isPending(cancelled)).isTrue();
    simulation.cancel(cancelled);
    assertThat(simulation.isPending(cancelled)).isFalse();
    assertThat(simulation.pendingEvents()).isZero();
    simulation.run();
    assertThat(fired).containsExactly("fired");
  }

  @Test
  void run_eventsScheduleMoreEvents_runsUntilTheCalendarIsEmpty() {
    Event[] tick = new Event[1];
    tick[0] =
        s -> {
          fired.add("t" + s.nowMicros());
          if (s.nowMicros() < 30) {
            s.schedule(10, tick[0]);
          }
        };
    simulation.schedule(0, tick[0]);
    simulation.run();
    assertThat(fired).containsExactly("t0", "t10", "t20", "t30");
    assertThat(simulation.nowMicros()).isEqualTo(30);
    assertThat(simulation.pendingEvents()).isZero();
  }

  @Test
  void stop_returnsAfterTheCurrentEventAndRunResumes() {
    simulation.scheduleAt(5, s -> simulation.stop());
    simulation.scheduleAt(6, s -> fired.add("after stop"));
    simulation.runUntil(50);
    assertThat(simulation.nowMicros()).isEqualTo(5);
    assertThat(fired).isEmpty();
    simulation.runUntil(50);
    assertThat(fired).containsExactly("after stop");
  }

  @Test
  void scheduleAt_inThePast_namesBothTimes() {
    simulation.runUntil(2_000_000);
    assertThatThrownBy(() -> simulation.scheduleAt(1_500_000, s -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot schedule an event at 1500000 µs (00:00:01.500000): it is before now,"
                + " 2000000 µs (00:00:02)");
  }

  @Test
  void schedule_negativeDelay_isRefusedWithTheDelayAndNow() {
    assertThatThrownBy(() -> simulation.schedule(-1, s -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("cannot schedule an event -1 µs from now 0 µs (00:00:00)");
  }

  @Test
  void runUntil_beforeNow_isRefused() {
    simulation.runUntil(10);
    assertThatThrownBy(() -> simulation.runUntil(9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot run until 9 µs");
  }

  @Test
  void cancel_pendingEvent_neverFires() {
    long handle = simulation.scheduleAt(10, s -> fired.add("cancelled"));
    assertThat(simulation.isPending(handle)).isTrue();
    assertThat(simulation.cancel(handle)).isTrue();
    simulation.run();
    assertThat(fired).isEmpty();
    assertThat(simulation.cancel(handle)).isFalse();
  }

  @Test
  void warmup_resetsRegisteredStatisticsAtThatInstant() {
    Tally waits = simulation.resetAtWarmup(new Tally());
    TimeWeighted busy = simulation.resetAtWarmup(new TimeWeighted(0, 0));
    simulation.warmupAt(100);
    simulation.scheduleAt(
        50,
        s -> {
          waits.record(7);
          busy.update(s.nowMicros(), 4);
        });
    simulation.scheduleAt(100, s -> waits.record(3));
    simulation.scheduleAt(150, s -> busy.update(s.nowMicros(), 2));
    simulation.runUntil(200);
    assertThat(simulation.warmupDone()).isTrue();
    assertThat(waits.count()).isEqualTo(1);
    assertThat(waits.mean()).isEqualTo(3);
    // 4 nodes busy over [100, 150), 2 over [150, 200): the warm-up's 4 over [50, 100) is forgotten.
    assertThat(busy.mean(200)).isEqualTo(3.0);
  }

  @Test
  void warmupAt_twice_isRefused() {
    simulation.warmupAt(10);
    assertThatThrownBy(() -> simulation.warmupAt(20))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the warm-up instant is already set for this run");
  }

  @Test
  void stream_sameName_isTheSameStream() {
    assertThat(simulation.stream("a")).isSameAs(simulation.stream("a"));
    assertThat(simulation.stream("a")).isNotSameAs(simulation.stream("b"));
  }

  @Test
  void clockEdges_runUntilNow_andTheLatestSchedulableInstant() {
    assertThat(simulation.warmupDone()).isFalse();
    simulation.runUntil(0);
    simulation.runUntil(0);
    simulation.runUntil(10);
    long last = simulation.schedule(Long.MAX_VALUE - 10, s -> fired.add("at the end of time"));
    assertThat(simulation.isPending(last)).isTrue();
    assertThatThrownBy(() -> simulation.schedule(Long.MAX_VALUE - 9, s -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    simulation.warmupAt(20);
    simulation.runUntil(19);
    assertThat(simulation.warmupDone()).isFalse();
    simulation.runUntil(20);
    assertThat(simulation.warmupDone()).isTrue();
  }

  /** One object standing for many events, told apart by the number each was scheduled with. */
  private final class Numbered implements Event {
    @Override
    public void fire(Scheduler scheduler) {
      fired.add("unnumbered");
    }

    @Override
    public void fire(Scheduler scheduler, int number) {
      fired.add(number + " @" + scheduler.nowMicros());
    }
  }

  @Test
  void aNumberedEvent_getsTheNumberItWasScheduledWith_andAPlainOneFiresAsEver() {
    Numbered numbered = new Numbered();
    simulation.runUntil(5);
    simulation.schedule(10, numbered, 3);
    simulation.scheduleAt(12, numbered, -7);
    simulation.scheduleAt(12, s -> fired.add("plain @" + s.nowMicros()));
    simulation.schedule(20, numbered);
    simulation.run();
    assertThat(fired).containsExactly("-7 @12", "plain @12", "3 @15", "0 @25");
  }

  @Test
  void numberedSchedules_refuseThePastAsThePlainOnesDo() {
    simulation.runUntil(5);
    Numbered numbered = new Numbered();
    assertThatThrownBy(() -> simulation.schedule(-1, numbered, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the delay must be >= 0");
    assertThatThrownBy(() -> simulation.scheduleAt(4, numbered, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("it is before now");
  }
}
