package io.capsim.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.cost.CostBucket;
import io.capsim.engine.random.Distribution;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.Workload;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * For any cluster settings and load, the run's invariants hold (checked inside {@code runSeconds}:
 * jobs conserved, billed node time equals node lifetimes, buckets sum to the total), no bucket is
 * negative, nodes never exceed max_instances and utilisation stays within [0, 1].
 */
class ClusterInvariantsPropertyTest {
  @Property(tries = 150, seed = "20261128")
  void anyClusterAndLoad_keepsItsInvariants(
      @ForAll @IntRange(min = 0, max = 3) int minInstances,
      @ForAll @IntRange(min = 1, max = 8) int extraMax,
      @ForAll @IntRange(min = 1, max = 4) int instanceCount,
      @ForAll @LongRange(min = 0, max = 900) long idleSeconds,
      @ForAll @LongRange(min = 0, max = 120) long scaleDownSeconds,
      @ForAll @IntRange(min = 1, max = 40) int jobsPerHour,
      @ForAll boolean lowPriority,
      @ForAll @LongRange(min = 0, max = 1800) long checkpointSeconds,
      @ForAll @IntRange(min = 0, max = 1000) int replication) {
    int maxInstances = minInstances + extraMax;
    ClusterSpec spec =
        ClusterSpec.defaults("c", "Standard_D4s_v3")
            .withInstances(minInstances, maxInstances)
            .withIdleTimeBeforeScaleDown(idleSeconds)
            .withScaleDownTime(scaleDownSeconds)
            .withProvisioning(Distribution.uniform(0, 600));
    if (lowPriority) {
      spec = spec.withLowPriority(new Preemption.Rate(0.5));
    }
    Workload workload =
        Workload.simple(
                "w",
                "c",
                new ArrivalProcess.Poisson(jobsPerHour / 3600.0),
                Distribution.lognormal(900, 5400),
                "Standard_D4s_v3")
            .withInstanceCount(Math.min(instanceCount, maxInstances))
            .withCheckpoints(checkpointSeconds, OnPreemption.RESUBMIT);

    ComputeStats stats =
        new ComputeRun(3, replication, spec, Quotas.unlimited(), workload)
            .runSeconds(6 * 3600, 3 * 86_400);

    for (CostBucket bucket : CostBucket.values()) {
      assertThat(stats.costUsd(bucket)).as(bucket.key()).isGreaterThanOrEqualTo(-1e-9);
    }
    assertThat(stats.peakNodes()).isLessThanOrEqualTo(maxInstances);
    assertThat(stats.utilization()).isBetween(0.0, 1.0 + 1e-12);
    assertThat(stats.waitP50Seconds()).isLessThanOrEqualTo(stats.waitP99Seconds());
    if (!lowPriority) {
      assertThat(stats.preemptions()).isZero();
      assertThat(stats.costUsd(CostBucket.LOST_WORK)).isZero();
    }
  }
}
