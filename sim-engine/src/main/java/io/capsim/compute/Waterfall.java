package io.capsim.compute;

import io.capsim.cost.CostBucket;
import io.capsim.cost.NodeMeter;
import io.capsim.engine.SimTime;
import java.util.EnumMap;
import java.util.Map;

/** Prices a compute's metered node time into its cost waterfall and assembles its statistics. */
final class Waterfall {
  private static final double SECONDS_PER_HOUR = 3600;
  private static final double TOLERANCE_USD = 1e-6;
  private static final double RELATIVE_TOLERANCE = 1e-12;

  private final String compute;
  private final double pricePerHourUsd;
  private final double loadBalancerUsdPerDay;

  Waterfall(String compute, double pricePerHourUsd, double loadBalancerUsdPerDay) {
    this.compute = compute;
    this.pricePerHourUsd = pricePerHourUsd;
    this.loadBalancerUsdPerDay = loadBalancerUsdPerDay;
  }

  /**
   * The statistics, adding {@code stoppedUsd} of instance storage billed while stopped and {@code
   * fixedLoadBalancerUsd} of load balancers billed whatever the nodes do.
   */
  ComputeStats stats(
      NodeMeter meter,
      JobStats jobs,
      long nowMicros,
      double stoppedUsd,
      double fixedLoadBalancerUsd,
      int queuedJobs,
      int runningJobs) {
    Map<CostBucket, Double> cost = new EnumMap<>(CostBucket.class);
    meter
        .nodeSeconds(nowMicros)
        .forEach(
            (bucket, seconds) -> cost.put(bucket, seconds * pricePerHourUsd / SECONDS_PER_HOUR));
    cost.put(CostBucket.STOPPED, stoppedUsd);
    double loadBalancerDays =
        SimTime.microsToSeconds(meter.loadBalancerMicros(nowMicros)) / (24 * SECONDS_PER_HOUR);
    cost.put(CostBucket.LB, loadBalancerDays * loadBalancerUsdPerDay + fixedLoadBalancerUsd);
    double total = cost.values().stream().mapToDouble(Double::doubleValue).sum();
    double nodeHours =
        SimTime.microsToSeconds(meter.billedNodeMicros(nowMicros)) / SECONDS_PER_HOUR;
    double busyHours = SimTime.microsToSeconds(meter.busyNodeMicros(nowMicros)) / SECONDS_PER_HOUR;
    return new ComputeStats(
        compute,
        cost,
        total,
        nodeHours,
        busyHours,
        nodeHours == 0 ? 0 : busyHours / nodeHours,
        meter.peakNodes(),
        jobResults(jobs, queuedJobs, runningJobs));
  }

  private static JobResults jobResults(JobStats jobs, int queuedJobs, int runningJobs) {
    return new JobResults(
        jobs.submitted(),
        jobs.completed(),
        jobs.failed(),
        jobs.carriedIn(),
        queuedJobs,
        runningJobs,
        jobs.preemptions(),
        orZero(jobs.waitSeconds().mean()),
        jobs.waitMicros().fractionAbove(0),
        SimTime.microsToSeconds(jobs.waitMicros().quantileMicros(0.50)),
        SimTime.microsToSeconds(jobs.waitMicros().quantileMicros(0.95)),
        SimTime.microsToSeconds(jobs.waitMicros().quantileMicros(0.99)),
        orZero(jobs.turnaroundSeconds().mean()),
        jobs.failuresByReason());
  }

  /**
   * Checks every bucket is a finite, non-negative amount, and that both the buckets' sum and the
   * total equal the bill priced along another path: {@code lifetimeNodeMicros} (node lifetimes,
   * summed node by node) at the node price, plus {@code loadBalancerMicros} at the load balancer's
   * daily price, plus {@code otherChargesUsd} billed whatever the nodes do.
   */
  void verify(
      ComputeStats stats,
      long lifetimeNodeMicros,
      long loadBalancerMicros,
      double otherChargesUsd) {
    double sum = 0;
    for (Map.Entry<CostBucket, Double> bucket : stats.costUsd().entrySet()) {
      double usd = bucket.getValue();
      if (!Double.isFinite(usd) || usd < -TOLERANCE_USD) {
        throw new IllegalStateException(
            compute + ": cost bucket " + bucket.getKey().key() + " is $" + usd);
      }
      sum += usd;
    }
    double expected =
        lifetimeNodeMicros / (double) SimTime.MICROS_PER_HOUR * pricePerHourUsd
            + loadBalancerMicros / (double) SimTime.MICROS_PER_DAY * loadBalancerUsdPerDay
            + otherChargesUsd;
    double tolerance = TOLERANCE_USD + RELATIVE_TOLERANCE * Math.abs(expected);
    if (!Double.isFinite(expected)
        || !(Math.abs(sum - expected) <= tolerance)
        || !(Math.abs(stats.totalCostUsd() - expected) <= tolerance)) {
      throw new IllegalStateException(
          String.format(
              java.util.Locale.ROOT,
              "%s: cost buckets sum to $%.6f and the total is $%.6f, but node lifetimes, load"
                  + " balancers and other charges come to $%.6f",
              compute,
              sum,
              stats.totalCostUsd(),
              expected));
    }
  }

  private static double orZero(double mean) {
    return Double.isNaN(mean) ? 0 : mean;
  }
}
