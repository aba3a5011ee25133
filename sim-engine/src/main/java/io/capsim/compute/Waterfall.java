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
      double fixedLoadBalancerUsd) {
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
        jobs.submitted(),
        jobs.completed(),
        jobs.failed(),
        jobs.preemptions(),
        orZero(jobs.waitSeconds().mean()),
        jobs.waitMicros().fractionAbove(0),
        SimTime.microsToSeconds(jobs.waitMicros().quantileMicros(0.50)),
        SimTime.microsToSeconds(jobs.waitMicros().quantileMicros(0.95)),
        SimTime.microsToSeconds(jobs.waitMicros().quantileMicros(0.99)),
        orZero(jobs.turnaroundSeconds().mean()),
        nodeHours,
        busyHours,
        nodeHours == 0 ? 0 : busyHours / nodeHours,
        meter.peakNodes(),
        jobs.failuresByReason());
  }

  /** Checks that the buckets sum to the total. */
  void verify(ComputeStats stats) {
    double sum = stats.costUsd().values().stream().mapToDouble(Double::doubleValue).sum();
    if (Math.abs(sum - stats.totalCostUsd()) > TOLERANCE_USD) {
      throw new IllegalStateException(
          compute + ": cost buckets sum to $" + sum + " but the total is $" + stats.totalCostUsd());
    }
  }

  private static double orZero(double mean) {
    return Double.isNaN(mean) ? 0 : mean;
  }
}
