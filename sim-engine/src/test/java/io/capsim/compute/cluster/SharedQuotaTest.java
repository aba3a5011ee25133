package io.capsim.compute.cluster;

import static io.capsim.compute.cluster.ClusterScalingCostTest.lbUsd;
import static io.capsim.compute.cluster.ClusterScalingCostTest.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.JobCompute;
import io.capsim.compute.Pricing;
import io.capsim.compute.pool.Preemption;
import io.capsim.compute.pool.Quotas;
import io.capsim.compute.pool.Tier;
import io.capsim.cost.CostBucket;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Distribution;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.ComputeRun;
import io.capsim.workload.Workload;
import io.capsim.workload.WorkloadDriver;
import java.util.Map;
import java.util.OptionalInt;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Two computes drawing on one quota, priced by hand (eastus Standard_D4s_v3 $0.192/h pay-as-you-go,
 * $0.036902/h Spot; provisioning 300 s; idle timeout 120 s).
 */
class SharedQuotaTest {
  private static final double D4S = 0.192;
  private static final double D4S_SPOT = 0.036902;
  private static final long DAY = 86_400;
  private static final Offset<Double> EXACT = within(1e-9);
  private static final Offset<Double> CENT = within(0.005);

  private final Simulation simulation = new Simulation(1, 0);
  private final Pricing pricing = Pricing.builtin(ComputeRun.REGION);

  private ComputeCluster cluster(ClusterSpec spec, Quotas quotas) {
    return new ComputeCluster(simulation, spec, pricing, quotas);
  }

  private static ClusterSpec d4s(String name, int min, int max) {
    return ClusterSpec.defaults(name, "Standard_D4s_v3")
        .withInstances(min, max)
        .withProvisioning(Distribution.constant(300));
  }

  private void send(JobCompute compute, double durationSeconds, long... seconds) {
    long[] micros = new long[seconds.length];
    for (int i = 0; i < seconds.length; i++) {
      micros[i] = seconds[i] * SimTime.MICROS_PER_SECOND;
    }
    Workload workload =
        Workload.simple(
            "to-" + compute.name(),
            compute.name(),
            new ArrivalProcess.At(micros),
            Distribution.constant(durationSeconds),
            "Standard_D4s_v3");
    new WorkloadDriver(simulation, workload, compute, pricing.catalog()).start();
  }

  private void runTo(long seconds, JobCompute... computes) {
    simulation.runUntil(seconds * SimTime.MICROS_PER_SECOND);
    for (JobCompute compute : computes) {
      compute.verifyInvariants(simulation.nowMicros());
    }
  }

  @Test
  void secondCluster_startsWhenTheFirstGivesItsQuotaBack() {
    // 8 Ds_v3 vCPUs: two D4s_v3 nodes in all. Cluster a takes both for two jobs at 0 (ready 300,
    // run 300..1300, idle to 1420). b's job at 100 gets no quota until a's nodes go at 1420; its
    // node is ready at 1720 and runs it to 2720, idle to 2840.
    Quotas quotas = new Quotas(Map.of("Ds_v3", 8), OptionalInt.empty());
    ComputeCluster a = cluster(d4s("a", 0, 2), quotas);
    ComputeCluster b = cluster(d4s("b", 0, 2), quotas);
    send(a, 1000, 0, 0);
    send(b, 1000, 100);
    runTo(DAY, a, b);

    ComputeStats first = a.stats(simulation.nowMicros());
    assertThat(first.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(600, D4S), EXACT);
    assertThat(first.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(2000, D4S), EXACT);
    assertThat(first.costUsd(CostBucket.IDLE)).isCloseTo(usd(240, D4S), EXACT);
    assertThat(first.costUsd(CostBucket.LB)).isCloseTo(lbUsd(1420), EXACT);
    assertThat(first.totalCostUsd()).isCloseTo(0.16, CENT);

    ComputeStats second = b.stats(simulation.nowMicros());
    assertThat(second.jobs().waitMeanSeconds()).isEqualTo(1620.0);
    assertThat(second.jobs().turnaroundMeanSeconds()).isEqualTo(2620.0);
    assertThat(second.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(300, D4S), EXACT);
    assertThat(second.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(1000, D4S), EXACT);
    assertThat(second.costUsd(CostBucket.IDLE)).isCloseTo(usd(120, D4S), EXACT);
    assertThat(second.costUsd(CostBucket.LB)).isCloseTo(lbUsd(2840 - 1420), EXACT);
    assertThat(second.totalCostUsd()).isCloseTo(0.08, CENT);
    assertThat(quotas.inUse("Ds_v3", Tier.DEDICATED)).isZero();
  }

  @Test
  void preemptedFloorNode_keepsItsQuota_soAWaitingClusterCannotTakeIt() {
    // 4 low-priority vCPUs: one D4s_v3 node. Cluster "waiting" is built first, so it hears of
    // released quota first; its job at 0 waits all day. Cluster "floor" keeps one node, preempted
    // every 1000 s after it is ready and replaced at once, on the same quota.
    Quotas quotas = new Quotas(Map.of(), OptionalInt.of(4));
    ComputeCluster waiting =
        cluster(d4s("waiting", 0, 1).withLowPriority(Preemption.none()), quotas);
    ComputeCluster floor =
        cluster(
            d4s("floor", 1, 1).withLowPriority(new Preemption.TimeTo(Distribution.constant(1000))),
            quotas);
    send(waiting, 600, 0);
    runTo(3000, waiting, floor);

    ComputeStats stats = floor.stats(simulation.nowMicros());
    assertThat(stats.costUsd(CostBucket.FLOOR)).isCloseTo(usd(2400, D4S_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(600, D4S_SPOT), EXACT);
    assertThat(waiting.stats(simulation.nowMicros()).jobs().jobsCompleted()).isZero();
    assertThat(waiting.nodesNow()).isZero();
    assertThat(waiting.queuedJobsNow()).isEqualTo(1);
  }
}
