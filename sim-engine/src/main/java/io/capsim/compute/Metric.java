package io.capsim.compute;

import io.capsim.cost.CostBucket;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** The per-compute results a run reports, in {@code summary.csv}'s column order and names. */
@SuppressWarnings("ImmutableEnumChecker") // each value reads a ComputeStats; none keeps state
public enum Metric {
  COST_USD(ComputeStats::totalCostUsd),
  COST_PRODUCTIVE_USD(s -> s.costUsd(CostBucket.PRODUCTIVE)),
  COST_PROVISIONING_USD(s -> s.costUsd(CostBucket.PROVISIONING)),
  COST_IDLE_USD(s -> s.costUsd(CostBucket.IDLE)),
  COST_FLOOR_USD(s -> s.costUsd(CostBucket.FLOOR)),
  COST_LOST_WORK_USD(s -> s.costUsd(CostBucket.LOST_WORK)),
  COST_STOPPED_USD(s -> s.costUsd(CostBucket.STOPPED)),
  COST_LB_USD(s -> s.costUsd(CostBucket.LB)),
  WAIT_MEAN_S(ComputeStats::waitMeanSeconds),
  WAIT_P50_S(ComputeStats::waitP50Seconds),
  WAIT_P95_S(ComputeStats::waitP95Seconds),
  WAIT_P99_S(ComputeStats::waitP99Seconds),
  TURNAROUND_MEAN_S(ComputeStats::turnaroundMeanSeconds),
  JOBS_SUBMITTED(s -> s.jobsSubmitted()),
  JOBS_COMPLETED(s -> s.jobsCompleted()),
  JOBS_FAILED(s -> s.jobsFailed()),
  PREEMPTIONS(s -> s.preemptions()),
  NODE_HOURS(ComputeStats::nodeHours),
  BUSY_NODE_HOURS(ComputeStats::busyNodeHours),
  UTILIZATION(ComputeStats::utilization),
  PEAK_NODES(s -> s.peakNodes());

  private final ToDoubleFunction<ComputeStats> value;

  Metric(ToDoubleFunction<ComputeStats> value) {
    this.value = value;
  }

  /** The column name: {@code cost_usd}, {@code wait_p95_s}... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for metrics in seconds, which constraints may state as durations. */
  public boolean inSeconds() {
    return key().endsWith("_s");
  }

  public double of(ComputeStats stats) {
    return value.applyAsDouble(stats);
  }

  /** The metric named {@code key}, also without its {@code _s} suffix ({@code wait_p95}). */
  public static Optional<Metric> byKey(String key) {
    for (Metric metric : values()) {
      if (metric.key().equals(key) || (metric.inSeconds() && metric.key().equals(key + "_s"))) {
        return Optional.of(metric);
      }
    }
    return Optional.empty();
  }
}
