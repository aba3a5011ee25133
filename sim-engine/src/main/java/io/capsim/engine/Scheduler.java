package io.capsim.engine;

import io.capsim.engine.random.RandomStream;

/**
 * The view of a run that models see: its clock, its pending events and its random streams. Events
 * due at the same time fire in the order they were scheduled. Not thread-safe: one per run.
 *
 * <p>Handles are plain {@code long}s so that scheduling allocates nothing. A handle is always
 * positive; {@code 0} is never a handle, so a model's {@code long} field left at its default means
 * "nothing scheduled" and cancelling it is a harmless no-op.
 */
public interface Scheduler {
  /** The current simulated time, in microseconds since the start of the run. */
  long nowMicros();

  /**
   * Schedules {@code event} {@code delayMicros} from now and returns its handle.
   *
   * @throws IllegalArgumentException if {@code delayMicros} is negative or overflows the clock
   */
  long schedule(long delayMicros, Event event);

  /**
   * Schedules {@code event} {@code delayMicros} from now, to fire with {@code number} ({@link
   * Event#fire(Scheduler, int)}), and returns its handle.
   *
   * @throws IllegalArgumentException if {@code delayMicros} is negative or overflows the clock
   */
  long schedule(long delayMicros, Event event, int number);

  /**
   * Schedules {@code event} at the absolute time {@code timeMicros} and returns its handle.
   *
   * @throws IllegalArgumentException if {@code timeMicros} is before now; the message names both
   */
  long scheduleAt(long timeMicros, Event event);

  /**
   * Schedules {@code event} at {@code timeMicros}, to fire with {@code number}, and returns its
   * handle.
   *
   * @throws IllegalArgumentException if {@code timeMicros} is before now; the message names both
   */
  long scheduleAt(long timeMicros, Event event, int number);

  /**
   * Cancels the event behind {@code handle} so that it never fires. Returns false, and does
   * nothing, if it already fired or was already cancelled.
   */
  boolean cancel(long handle);

  /** True while the event behind {@code handle} is still waiting to fire. */
  boolean isPending(long handle);

  /** Returns the stream for {@code name}, seeded from (run seed, name, replication). */
  RandomStream stream(String name);
}
