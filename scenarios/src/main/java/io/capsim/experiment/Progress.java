package io.capsim.experiment;

/**
 * What an executor tells the caller as runs go, from any thread: each run as it finishes, and the
 * simulated time of long runs as it passes, so that a progress bar moves within a run of months.
 */
@FunctionalInterface
public interface Progress {
  /** A run finished: {@code done} have so far. */
  void runDone(int done);

  /** A run has simulated another {@code fraction} of its horizon; a run's fractions add to 1. */
  default void simulated(double fraction) {}
}
