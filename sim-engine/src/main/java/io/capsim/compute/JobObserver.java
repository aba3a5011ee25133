package io.capsim.compute;

/** Told about each job as it leaves a compute, for per-job tables. */
@FunctionalInterface
public interface JobObserver {
  /**
   * {@code job} left at {@code nowMicros}: {@code outcome} is {@code completed}, or why it failed.
   * Jobs still queued or running at the end of the run are never reported.
   */
  void onJobDone(Job job, long nowMicros, String outcome);
}
