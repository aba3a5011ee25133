package io.capsim.compute;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a compute that runs jobs adds to its statistics, measured after warm-up.
 *
 * <p>Jobs are conserved: {@code jobsCarriedIn + jobsSubmitted = jobsCompleted + jobsFailed +
 * jobsQueuedAtEnd + jobsRunningAtEnd}, the jobs in the system at warm-up (or 0) counted in, those
 * still queued or running at the horizon counted out.
 *
 * @param jobsCarriedIn jobs queued or running at the end of the warm-up, submitted before it
 * @param jobsRunningAtEnd jobs holding nodes (or, on an instance, a vCPU or a session) at the end
 * @param waitProbability the share of jobs that waited at all before starting
 * @param waitP50Seconds median wait from submission to first start (likewise p95, p99)
 * @param failuresByReason failed jobs by why, sorted by reason
 */
public record JobResults(
    long jobsSubmitted,
    long jobsCompleted,
    long jobsFailed,
    long jobsCarriedIn,
    long jobsQueuedAtEnd,
    long jobsRunningAtEnd,
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
