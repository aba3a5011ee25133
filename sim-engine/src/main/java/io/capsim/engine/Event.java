package io.capsim.engine;

/** Something that happens to the model at one instant of simulated time. */
@FunctionalInterface
public interface Event {
  /** Applies this event's effects; may schedule further events, never in the past. */
  void fire(Scheduler scheduler);
}
