package io.capsim.compute;

import io.capsim.cost.CostBucket;
import java.util.Map;

/**
 * What one compute did in one run, measured after warm-up: its cost waterfall and its jobs.
 *
 * @param costUsd dollars by bucket; every bucket present, summing to {@code totalCostUsd}
 * @param waitProbability the share of jobs that waited at all before starting
 * @param waitP50Seconds median wait from submission to first start (likewise p95, p99)
 * @param nodeHours billed node-hours; {@code busyNodeHours} those spent on work, kept or lost
 * @param utilization {@code busyNodeHours / nodeHours}; 0 when nothing was billed
 */
public record ComputeStats(
    String compute,
    Map<CostBucket, Double> costUsd,
    double totalCostUsd,
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
    double nodeHours,
    double busyNodeHours,
    double utilization,
    int peakNodes,
    Map<String, Long> failuresByReason)
    implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  public ComputeStats {
    // Ordered copies: bucket order and reasons sorted, the same on every JVM.
    costUsd = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(costUsd));
    failuresByReason =
        java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(failuresByReason));
  }

  public double costUsd(CostBucket bucket) {
    return costUsd.getOrDefault(bucket, 0.0);
  }
}
