package io.capsim.engine;

/** Something that happens to the model at one instant of simulated time. */
@FunctionalInterface
public interface Event {
  /** Applies this event's effects; may schedule further events, never in the past. */
  void fire(Scheduler scheduler);

  /**
   * Fires the event scheduled with {@code number} ({@link Scheduler#schedule(long, Event, int)}).
   * An object that stands for many events (all of a pool's nodes) overrides this and tells them
   * apart by the number, so that no object is made per event source; the others ignore it.
   */
  default void fire(Scheduler scheduler, int number) {
    fire(scheduler);
  }
}
