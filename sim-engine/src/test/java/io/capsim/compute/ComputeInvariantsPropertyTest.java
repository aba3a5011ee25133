package io.capsim.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.instance.ComputeInstance;
import io.capsim.compute.instance.InstanceSchedule;
import io.capsim.compute.instance.InstanceSpec;
import io.capsim.compute.pool.Preemption;
import io.capsim.compute.pool.Quotas;
import io.capsim.compute.serverless.ServerlessCompute;
import io.capsim.compute.serverless.ServerlessSpec;
import io.capsim.cost.CostBucket;
import io.capsim.engine.SimTime;
import io.capsim.engine.random.Distribution;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.ComputeRun;
import io.capsim.workload.Workload;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * For any cluster, instance or serverless settings and load, the run's invariants hold (checked
 * inside {@code runSeconds}: jobs conserved, billed node time equals node lifetimes, buckets sum to
 * the total), no bucket is negative, nodes never exceed max_instances and utilisation stays within
 * [0, 1].
 */
class ComputeInvariantsPropertyTest {
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
            .withScaleDownMicros(scaleDownSeconds * SimTime.MICROS_PER_SECOND)
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
            .withCheckpointsEvery(
                checkpointSeconds * SimTime.MICROS_PER_SECOND, OnPreemption.RESUBMIT);

    ComputeStats stats =
        new ComputeRun(3, replication, spec, Quotas.unlimited(), workload)
            .runSeconds(6 * 3600, 3 * 86_400);

    for (CostBucket bucket : CostBucket.values()) {
      assertThat(stats.costUsd(bucket)).as(bucket.key()).isGreaterThanOrEqualTo(-1e-9);
    }
    assertThat(stats.peakNodes()).isLessThanOrEqualTo(maxInstances);
    assertThat(stats.utilization()).isBetween(0.0, 1.0 + 1e-12);
    assertThat(stats.jobs().waitP50Seconds()).isLessThanOrEqualTo(stats.jobs().waitP99Seconds());
    if (!lowPriority) {
      assertThat(stats.jobs().preemptions()).isZero();
      assertThat(stats.costUsd(CostBucket.LOST_WORK)).isZero();
    }
  }

  @Property(tries = 60, seed = "20261128")
  void anyInstanceAndLoad_keepsItsInvariants(
      @ForAll @IntRange(min = 15, max = 240) int idleShutdownMinutes,
      @ForAll @IntRange(min = 1, max = 30) int jobsPerHour,
      @ForAll @IntRange(min = 0, max = 8) int sessionsPerDay,
      @ForAll boolean nightlyStop,
      @ForAll @IntRange(min = 0, max = 1000) int replication) {
    java.time.ZoneId zone = ZoneId.of("America/New_York");
    InstanceSpec spec =
        InstanceSpec.defaults("c", "Standard_D4s_v3")
            .withIdleShutdown(idleShutdownMinutes)
            .withSchedules(
                nightlyStop
                    ? List.of(
                        new InstanceSchedule(InstanceSchedule.Action.STOP, "0 20 * * *", zone),
                        new InstanceSchedule(InstanceSchedule.Action.START, "30 7 * * 1-5", zone))
                    : List.of());
    Workload jobs =
        Workload.simple(
            "w",
            "c",
            new ArrivalProcess.Poisson(jobsPerHour / 3600.0),
            Distribution.gamma(1200, 1.5),
            "Standard_D4s_v3");
    Workload sessions =
        Workload.simple(
                "s",
                "c",
                new ArrivalProcess.Poisson(Math.max(sessionsPerDay, 1) / 86_400.0),
                Distribution.lognormal(3600, 4 * 3600),
                "Standard_D4s_v3")
            .asInteractiveSessions();
    ComputeStats stats =
        new ComputeRun(
                5,
                replication,
                (sim, pricing) ->
                    new ComputeInstance(sim, spec, pricing, Instant.parse("2026-03-02T05:00:00Z")),
                jobs,
                sessions)
            .runSeconds(86_400, 8 * 86_400);
    for (CostBucket bucket : CostBucket.values()) {
      assertThat(stats.costUsd(bucket)).as(bucket.key()).isGreaterThanOrEqualTo(-1e-9);
    }
    assertThat(stats.peakNodes()).isLessThanOrEqualTo(1);
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(7 * 0.33, within(1e-9));
  }

  @Property(tries = 60, seed = "20261128")
  void anyServerlessLoad_keepsItsInvariants(
      @ForAll @IntRange(min = 1, max = 4) int instanceCount,
      @ForAll @IntRange(min = 4, max = 64) int quotaVcpus,
      @ForAll @IntRange(min = 1, max = 30) int jobsPerHour,
      @ForAll @IntRange(min = 0, max = 1000) int replication) {
    int vcpus = Math.max(quotaVcpus, 4 * instanceCount);
    Quotas quotas = new Quotas(Map.of("Ds_v3", vcpus), OptionalInt.empty());
    ServerlessSpec spec = ServerlessSpec.defaults("c", "Standard_D4s_v3");
    Workload jobs =
        Workload.simple(
                "w",
                "c",
                new ArrivalProcess.Poisson(jobsPerHour / 3600.0),
                Distribution.exponential(1800),
                "Standard_D4s_v3")
            .withInstanceCount(instanceCount);
    ComputeStats stats =
        new ComputeRun(
                5,
                replication,
                (sim, pricing) -> new ServerlessCompute(sim, spec, pricing, quotas),
                jobs)
            .runSeconds(3600, 2 * 86_400);
    assertThat(stats.peakNodes() * 4).isLessThanOrEqualTo(vcpus);
    assertThat(stats.costUsd(CostBucket.IDLE) + stats.costUsd(CostBucket.FLOOR)).isZero();
  }
}
