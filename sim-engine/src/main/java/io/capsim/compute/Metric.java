package io.capsim.compute;

import io.capsim.cost.CostBucket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The per-compute results a run reports, in {@code summary.csv}'s column order and names. Each
 * belongs to a {@link Family}; a compute reports the metrics of the families its statistics hold,
 * and the tables and report show the metrics some compute of the run reports.
 */
@SuppressWarnings("ImmutableEnumChecker") // each value reads a ComputeStats; none keeps state
public enum Metric {
  COST_USD(Family.COST, ComputeStats::totalCostUsd),
  COST_PRODUCTIVE_USD(Family.COST, s -> s.costUsd(CostBucket.PRODUCTIVE)),
  COST_PROVISIONING_USD(Family.COST, s -> s.costUsd(CostBucket.PROVISIONING)),
  COST_IDLE_USD(Family.COST, s -> s.costUsd(CostBucket.IDLE)),
  COST_FLOOR_USD(Family.COST, s -> s.costUsd(CostBucket.FLOOR)),
  COST_LOST_WORK_USD(Family.COST, s -> s.costUsd(CostBucket.LOST_WORK)),
  COST_STOPPED_USD(Family.COST, s -> s.costUsd(CostBucket.STOPPED)),
  COST_LB_USD(Family.COST, s -> s.costUsd(CostBucket.LB)),
  WAIT_MEAN_S(Family.JOBS, jobs(JobResults::waitMeanSeconds)),
  WAIT_P50_S(Family.JOBS, jobs(JobResults::waitP50Seconds)),
  WAIT_P95_S(Family.JOBS, jobs(JobResults::waitP95Seconds)),
  WAIT_P99_S(Family.JOBS, jobs(JobResults::waitP99Seconds)),
  TURNAROUND_MEAN_S(Family.JOBS, jobs(JobResults::turnaroundMeanSeconds)),
  JOBS_SUBMITTED(Family.JOBS, jobs(JobResults::jobsSubmitted)),
  JOBS_COMPLETED(Family.JOBS, jobs(JobResults::jobsCompleted)),
  JOBS_FAILED(Family.JOBS, jobs(JobResults::jobsFailed)),
  JOBS_CARRIED_IN(Family.JOBS, jobs(JobResults::jobsCarriedIn)),
  JOBS_QUEUED_AT_END(Family.JOBS, jobs(JobResults::jobsQueuedAtEnd)),
  JOBS_RUNNING_AT_END(Family.JOBS, jobs(JobResults::jobsRunningAtEnd)),
  PREEMPTIONS(Family.JOBS, jobs(JobResults::preemptions)),
  NODE_HOURS(Family.NODES, ComputeStats::nodeHours),
  BUSY_NODE_HOURS(Family.NODES, ComputeStats::busyNodeHours),
  UTILIZATION(Family.NODES, ComputeStats::utilization),
  PEAK_NODES(Family.NODES, ComputeStats::peakNodes);

  /** Which part of a compute's statistics a metric reads. */
  public enum Family {
    /** The cost waterfall: every compute. */
    COST,
    /** Nodes over time: every compute. */
    NODES,
    /** Jobs, their waits and turnarounds: computes that run jobs. */
    JOBS;

    boolean reportedBy(ComputeStats stats) {
      return switch (this) {
        case COST, NODES -> true;
        case JOBS -> stats.jobResults().isPresent();
      };
    }
  }

  private final Family family;
  private final ToDoubleFunction<ComputeStats> value;

  Metric(Family family, ToDoubleFunction<ComputeStats> value) {
    this.family = family;
    this.value = value;
  }

  private static ToDoubleFunction<ComputeStats> jobs(ToDoubleFunction<JobResults> value) {
    return stats -> stats.jobResults().map(value::applyAsDouble).orElse(Double.NaN);
  }

  public Family family() {
    return family;
  }

  /** Whether {@code stats} holds this metric. */
  public boolean reportedBy(ComputeStats stats) {
    return family.reportedBy(stats);
  }

  /** The metrics some of {@code stats} report, in column order. */
  public static List<Metric> reportedByAny(Collection<ComputeStats> stats) {
    List<Metric> metrics = new ArrayList<>();
    for (Metric metric : values()) {
      if (stats.stream().anyMatch(metric::reportedBy)) {
        metrics.add(metric);
      }
    }
    return metrics;
  }

  /** The column name: {@code cost_usd}, {@code wait_p95_s}... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for metrics in seconds, which constraints may state as durations. */
  public boolean inSeconds() {
    return key().endsWith("_s");
  }

  /** Its value in {@code stats}; NaN when they do not report it. */
  public double of(ComputeStats stats) {
    return value.applyAsDouble(stats);
  }

  /** The cost of {@code bucket}: the waterfall's buckets in {@link CostBucket}'s order. */
  public static Metric costOf(CostBucket bucket) {
    return switch (bucket) {
      case PRODUCTIVE -> COST_PRODUCTIVE_USD;
      case PROVISIONING -> COST_PROVISIONING_USD;
      case IDLE -> COST_IDLE_USD;
      case FLOOR -> COST_FLOOR_USD;
      case LOST_WORK -> COST_LOST_WORK_USD;
      case STOPPED -> COST_STOPPED_USD;
      case LB -> COST_LB_USD;
    };
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
