package io.capsim.experiment;

import java.util.List;

/**
 * What one run looked like over time, for the report's timeline and wait charts: every compute's
 * nodes and queued jobs sampled at a fixed step over a window, and its wait quantiles.
 *
 * @param samples in time order, every compute at each step
 * @param waits every compute's wait at the quantiles 0, 0.01, ..., 1
 */
public record Capture(List<Sample> samples, List<WaitQuantile> waits) {
  public Capture {
    samples = List.copyOf(samples);
    waits = List.copyOf(waits);
  }

  /** A compute's state at one instant, {@code hours} from the start of the run. */
  public record Sample(String compute, double hours, int nodes, int queuedJobs) {}

  /** The {@code quantile} of a compute's wait from submission to start, in seconds. */
  public record WaitQuantile(String compute, double quantile, double waitSeconds) {}
}
