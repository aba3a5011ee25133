package io.capsim.workload;

import io.capsim.engine.random.Sampler;

/**
 * One run's arrivals of one workload: a cursor over arrival times, drawn from the workload's
 * arrival stream. Each {@link ArrivalProcess} says how to make one, so a new process cannot be left
 * out of the driver.
 */
public interface Arrivals {
  /** What {@link #next} returns when no more jobs arrive. */
  long NONE = -1;

  /**
   * The time of the next arrival, at or after {@code nowMicros}; {@link #NONE} when no more arrive.
   * Moves the cursor to that arrival. {@code nowMicros} is the start, then the arrival this last
   * returned: it never goes back (a profile's draw relies on it).
   */
  long next(long nowMicros);

  /** The duration, in seconds on the reference size, of the job the cursor is at. */
  default double durationSeconds(Sampler workloadDurations) {
    return workloadDurations.sample();
  }

  /** How many nodes the job the cursor is at needs. */
  default int instanceCount(int workloadInstanceCount) {
    return workloadInstanceCount;
  }
}
