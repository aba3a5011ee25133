package io.capsim.engine;

import io.capsim.engine.random.RandomStream;
import io.capsim.engine.random.RandomStreams;
import java.util.ArrayList;
import java.util.List;

/**
 * One run: a clock, an {@link EventCalendar} and the run's {@link RandomStreams}. Owns nothing
 * global, so independent runs proceed on separate threads with nothing shared.
 *
 * <p>The run loop fires events in (time, insertion) order until a time, until the calendar is
 * empty, or until an event calls {@link #stop()}. Statistics registered with {@link #resetAtWarmup}
 * are reset at the warm-up instant, before any event scheduled later for that same instant.
 */
public final class Simulation implements Scheduler {
  private final EventCalendar<Event> calendar;
  private final RandomStreams streams;
  private final List<Resettable> resetAtWarmup = new ArrayList<>();
  private long nowMicros;
  private long eventsFired;
  private boolean stopRequested;
  private long warmupHandle;
  private boolean warmupDone;

  /** A run with its own streams for (seed, replication) and the default calendar. */
  public Simulation(long seed, int replication) {
    this(new RandomStreams(seed, replication), HeapArity.DEFAULT);
  }

  public Simulation(RandomStreams streams, HeapArity heapArity) {
    this.streams = streams;
    this.calendar = new EventCalendar<>(heapArity);
  }

  @Override
  public long nowMicros() {
    return nowMicros;
  }

  /** Events fired since the run began, warm-up included. */
  public long eventsFired() {
    return eventsFired;
  }

  /** Events waiting to fire. */
  public int pendingEvents() {
    return calendar.size();
  }

  @Override
  public long schedule(long delayMicros, Event event) {
    return schedule(delayMicros, event, 0);
  }

  @Override
  public long schedule(long delayMicros, Event event, int number) {
    if (delayMicros < 0 || delayMicros > Long.MAX_VALUE - nowMicros) {
      throw new IllegalArgumentException(
          "cannot schedule an event "
              + delayMicros
              + " µs from now "
              + SimTime.format(nowMicros)
              + ": the delay must be >= 0 and keep the clock below "
              + Long.MAX_VALUE
              + " µs");
    }
    return calendar.schedule(nowMicros + delayMicros, event, number);
  }

  @Override
  public long scheduleAt(long timeMicros, Event event) {
    return scheduleAt(timeMicros, event, 0);
  }

  @Override
  public long scheduleAt(long timeMicros, Event event, int number) {
    if (timeMicros < nowMicros) {
      throw new IllegalArgumentException(
          "cannot schedule an event at "
              + SimTime.format(timeMicros)
              + ": it is before now, "
              + SimTime.format(nowMicros));
    }
    return calendar.schedule(timeMicros, event, number);
  }

  @Override
  public boolean cancel(long handle) {
    return calendar.cancel(handle);
  }

  @Override
  public boolean isPending(long handle) {
    return calendar.isPending(handle);
  }

  @Override
  public RandomStream stream(String name) {
    return streams.stream(name);
  }

  /**
   * Sets the instant at which every statistic registered with {@link #resetAtWarmup} is reset; at
   * most once per run, and not in the past.
   */
  public void warmupAt(long warmupMicros) {
    if (warmupHandle != 0 || warmupDone) {
      throw new IllegalStateException("the warm-up instant is already set for this run");
    }
    warmupHandle = scheduleAt(warmupMicros, scheduler -> endWarmup());
  }

  /** Registers {@code statistic} to be reset at the warm-up instant, and returns it. */
  public <R extends Resettable> R resetAtWarmup(R statistic) {
    if (warmupDone) {
      throw new IllegalStateException(
          "the warm-up ended already, at or before " + SimTime.format(nowMicros));
    }
    resetAtWarmup.add(statistic);
    return statistic;
  }

  /** True once the warm-up instant has passed (always false when none was set). */
  public boolean warmupDone() {
    return warmupDone;
  }

  private void endWarmup() {
    warmupDone = true;
    for (Resettable statistic : resetAtWarmup) {
      statistic.reset(nowMicros);
    }
  }

  /** Asks the run loop to return after the event now firing. */
  public void stop() {
    stopRequested = true;
  }

  /**
   * Fires every event due at or before {@code endMicros}, then advances the clock to {@code
   * endMicros}; returns early, with the clock at the last event, if an event calls {@link #stop()}.
   * A run ends by {@link SimTime#LONGEST_RUN_MICROS}, so that no capped time falls within it.
   */
  public void runUntil(long endMicros) {
    if (endMicros > SimTime.LONGEST_RUN_MICROS) {
      throw new IllegalArgumentException(
          "cannot run until "
              + SimTime.format(endMicros)
              + ": a run ends by "
              + SimTime.format(SimTime.LONGEST_RUN_MICROS));
    }
    if (endMicros < nowMicros) {
      throw new IllegalArgumentException(
          "cannot run until "
              + SimTime.format(endMicros)
              + ": it is before now, "
              + SimTime.format(nowMicros));
    }
    if (fireUntil(endMicros)) {
      nowMicros = endMicros;
    }
  }

  /** Fires events until none is left or an event calls {@link #stop()}. */
  public void run() {
    fireUntil(Long.MAX_VALUE);
  }

  /** Returns true if it stopped because no event was due by {@code endMicros}. */
  private boolean fireUntil(long endMicros) {
    stopRequested = false;
    EventCalendar<Event> pending = calendar;
    Event event;
    while ((event = pending.pollDue(endMicros)) != null) {
      nowMicros = pending.polledTimeMicros();
      eventsFired++;
      event.fire(this, pending.polledNumber());
      if (stopRequested) {
        return false;
      }
    }
    return true;
  }
}
