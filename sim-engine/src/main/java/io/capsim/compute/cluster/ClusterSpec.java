package io.capsim.compute.cluster;

import io.capsim.compute.InvalidSettingException;
import io.capsim.compute.Pricing;
import io.capsim.compute.pool.Preemption;
import io.capsim.compute.pool.Tier;
import io.capsim.engine.random.Distribution;

/**
 * An Azure ML compute cluster ({@code amlcompute}), with Azure's key names and defaults.
 *
 * @param idleTimeBeforeScaleDownSeconds how long a node stays idle before it is released (Azure's
 *     default 120)
 * @param provisioningSeconds time from requesting a node to its running jobs; billed, no work. The
 *     default, uniform 3 to 8 minutes, is an assumption from Azure's "a few minutes" for allocation
 *     (image pulls add more; set it from your own measurements)
 * @param scaleDownMicros time a released node takes to go away, in microseconds; billed as idle and
 *     unusable, which is Azure's scale-down race. Default 0, an assumption: set it to see the race
 * @param loadBalancerUsdPerDay one standard load balancer per started 50 nodes (~$0.33/day)
 */
public record ClusterSpec(
    String name,
    String size,
    Tier tier,
    int minInstances,
    int maxInstances,
    long idleTimeBeforeScaleDownSeconds,
    Distribution provisioningSeconds,
    long scaleDownMicros,
    Preemption preemption,
    double loadBalancerUsdPerDay) {

  public static final int DEFAULT_MIN_INSTANCES = 0;
  public static final int DEFAULT_MAX_INSTANCES = 1;
  public static final long DEFAULT_IDLE_TIME_BEFORE_SCALE_DOWN_SECONDS = 120;
  public static final Distribution DEFAULT_PROVISIONING_SECONDS = Distribution.uniform(180, 480);

  public ClusterSpec {
    if (minInstances < 0) {
      throw invalid(name, "min_instances", "must be >= 0", minInstances);
    }
    if (maxInstances < 1) {
      throw invalid(name, "max_instances", "must be >= 1", maxInstances);
    }
    if (minInstances > maxInstances) {
      throw invalid(
          name, "min_instances", "must be <= max_instances (" + maxInstances + ")", minInstances);
    }
    if (idleTimeBeforeScaleDownSeconds < 0) {
      throw invalid(
          name,
          "idle_time_before_scale_down",
          "must be >= 0 seconds",
          idleTimeBeforeScaleDownSeconds);
    }
    if (scaleDownMicros < 0) {
      throw invalid(name, "scale_down_time", "must be >= 0 µs", scaleDownMicros);
    }
    if (tier == Tier.DEDICATED && !(preemption instanceof Preemption.None)) {
      throw InvalidSettingException.compute(
          name, "preemption", "applies to tier low_priority only");
    }
  }

  /** A cluster with every setting at Azure's default (dedicated, 0 to 1 nodes, 120 s idle). */
  public static ClusterSpec defaults(String name, String size) {
    return new ClusterSpec(
        name,
        size,
        Tier.DEDICATED,
        DEFAULT_MIN_INSTANCES,
        DEFAULT_MAX_INSTANCES,
        DEFAULT_IDLE_TIME_BEFORE_SCALE_DOWN_SECONDS,
        DEFAULT_PROVISIONING_SECONDS,
        0,
        Preemption.none(),
        Pricing.LOAD_BALANCER_USD_PER_DAY);
  }

  public ClusterSpec withInstances(int min, int max) {
    return new ClusterSpec(
        name,
        size,
        tier,
        min,
        max,
        idleTimeBeforeScaleDownSeconds,
        provisioningSeconds,
        scaleDownMicros,
        preemption,
        loadBalancerUsdPerDay);
  }

  public ClusterSpec withIdleTimeBeforeScaleDown(long seconds) {
    return new ClusterSpec(
        name,
        size,
        tier,
        minInstances,
        maxInstances,
        seconds,
        provisioningSeconds,
        scaleDownMicros,
        preemption,
        loadBalancerUsdPerDay);
  }

  public ClusterSpec withProvisioning(Distribution seconds) {
    return new ClusterSpec(
        name,
        size,
        tier,
        minInstances,
        maxInstances,
        idleTimeBeforeScaleDownSeconds,
        seconds,
        scaleDownMicros,
        preemption,
        loadBalancerUsdPerDay);
  }

  public ClusterSpec withScaleDownMicros(long micros) {
    return new ClusterSpec(
        name,
        size,
        tier,
        minInstances,
        maxInstances,
        idleTimeBeforeScaleDownSeconds,
        provisioningSeconds,
        micros,
        preemption,
        loadBalancerUsdPerDay);
  }

  public ClusterSpec withLowPriority(Preemption newPreemption) {
    return new ClusterSpec(
        name,
        size,
        Tier.LOW_PRIORITY,
        minInstances,
        maxInstances,
        idleTimeBeforeScaleDownSeconds,
        provisioningSeconds,
        scaleDownMicros,
        newPreemption,
        loadBalancerUsdPerDay);
  }

  private static InvalidSettingException invalid(
      String name, String key, String expected, long value) {
    return InvalidSettingException.compute(name, key, expected + ", was " + value);
  }
}
