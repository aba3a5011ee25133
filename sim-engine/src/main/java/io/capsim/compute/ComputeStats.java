package io.capsim.compute;

import io.capsim.cost.CostBucket;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one compute did in one run, measured after warm-up: what every compute reports (its cost
 * waterfall and its nodes over time) and, for a compute that runs jobs, its {@link JobResults}. A
 * kind of compute that serves something else adds its own results here, with the {@link Metric}s
 * that read them.
 */
public final class ComputeStats implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String compute;
  private final Map<CostBucket, Double> costUsd;
  private final double totalCostUsd;
  private final double nodeHours;
  private final double busyNodeHours;
  private final double utilization;
  private final int peakNodes;
  private final @Nullable JobResults jobs;

  /**
   * @param costUsd dollars by bucket; every bucket present, summing to {@code totalCostUsd}
   * @param nodeHours billed node-hours; {@code busyNodeHours} those spent on work, kept or lost
   * @param utilization {@code busyNodeHours / nodeHours}; 0 when nothing was billed
   * @param jobs what its jobs did; null for a compute that runs none
   */
  public ComputeStats(
      String compute,
      Map<CostBucket, Double> costUsd,
      double totalCostUsd,
      double nodeHours,
      double busyNodeHours,
      double utilization,
      int peakNodes,
      @Nullable JobResults jobs) {
    this.compute = compute;
    // An ordered copy: bucket order, the same on every JVM.
    this.costUsd = Collections.unmodifiableMap(new EnumMap<>(costUsd));
    this.totalCostUsd = totalCostUsd;
    this.nodeHours = nodeHours;
    this.busyNodeHours = busyNodeHours;
    this.utilization = utilization;
    this.peakNodes = peakNodes;
    this.jobs = jobs;
  }

  public String compute() {
    return compute;
  }

  public Map<CostBucket, Double> costUsd() {
    return costUsd;
  }

  public double costUsd(CostBucket bucket) {
    return costUsd.getOrDefault(bucket, 0.0);
  }

  public double totalCostUsd() {
    return totalCostUsd;
  }

  public double nodeHours() {
    return nodeHours;
  }

  public double busyNodeHours() {
    return busyNodeHours;
  }

  public double utilization() {
    return utilization;
  }

  public int peakNodes() {
    return peakNodes;
  }

  /** What its jobs did; empty for a compute that runs none. */
  public Optional<JobResults> jobResults() {
    return Optional.ofNullable(jobs);
  }

  /**
   * What its jobs did.
   *
   * @throws IllegalStateException for a compute that runs no jobs
   */
  public JobResults jobs() {
    if (jobs == null) {
      throw new IllegalStateException(compute + " runs no jobs");
    }
    return jobs;
  }

  /** These statistics with another cost waterfall (for checks that must see a wrong bill). */
  public ComputeStats withCost(Map<CostBucket, Double> newCostUsd, double newTotalCostUsd) {
    return new ComputeStats(
        compute,
        newCostUsd,
        newTotalCostUsd,
        nodeHours,
        busyNodeHours,
        utilization,
        peakNodes,
        jobs);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ComputeStats s
        && compute.equals(s.compute)
        && costUsd.equals(s.costUsd)
        && Double.compare(totalCostUsd, s.totalCostUsd) == 0
        && Double.compare(nodeHours, s.nodeHours) == 0
        && Double.compare(busyNodeHours, s.busyNodeHours) == 0
        && Double.compare(utilization, s.utilization) == 0
        && peakNodes == s.peakNodes
        && Objects.equals(jobs, s.jobs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(compute, costUsd, totalCostUsd, nodeHours, peakNodes, jobs);
  }

  @Override
  public String toString() {
    return "ComputeStats["
        + compute
        + ", $"
        + totalCostUsd
        + " "
        + costUsd
        + ", "
        + nodeHours
        + " node-hours ("
        + busyNodeHours
        + " busy), peak "
        + peakNodes
        + (jobs == null ? "" : ", " + jobs)
        + "]";
  }
}
