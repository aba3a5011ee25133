package io.capsim.compute;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a compute that runs jobs adds to its statistics, measured after warm-up.
 *
 * @param waitProbability the share of jobs that waited at all before starting
 * @param waitP50Seconds median wait from submission to first start (likewise p95, p99)
 * @param failuresByReason failed jobs by why, sorted by reason
 */
public record JobResults(
    long jobsSubmitted,
    long jobsCompleted,
    long jobsFailed,
    long preemptions,
    double waitMeanSeconds,
    double waitProbability,
    double waitP50Seconds,
    double waitP95Seconds,
    double waitP99Seconds,
    double turnaroundMeanSeconds,
    Map<String, Long> failuresByReason)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public JobResults {
    // Sorted, the same on every JVM.
    failuresByReason = Collections.unmodifiableMap(new TreeMap<>(failuresByReason));
  }
}
