package io.capsim.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.cluster.AttachedPool;
import io.capsim.compute.cluster.AttachedSpec;
import io.capsim.compute.pool.Quotas;
import io.capsim.compute.serverless.ServerlessCompute;
import io.capsim.compute.serverless.ServerlessSpec;
import io.capsim.cost.CostBucket;
import io.capsim.engine.SimTime;
import io.capsim.engine.random.Distribution;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.ComputeRun;
import io.capsim.workload.Workload;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Serverless compute bills each job's nodes from start-up to the end of the job and nothing in
 * between; an attached pool bills every node all the time. Prices: eastus Standard_D4s_v3 $0.192/h,
 * Standard_NC24ads_A100_v4 $3.673/h (vms.csv).
 */
class ServerlessAndAttachedTest {
  private static final double A100 = 3.673;
  private static final double D4S = 0.192;
  private static final Offset<Double> EXACT = within(1e-9);

  private static Workload jobsAt(String size, double durationSeconds, long... seconds) {
    long[] micros = Arrays.stream(seconds).map(s -> s * SimTime.MICROS_PER_SECOND).toArray();
    return Workload.simple(
        "w", "c", new ArrivalProcess.At(micros), Distribution.constant(durationSeconds), size);
  }

  private static double usd(double nodeSeconds, double pricePerHour) {
    return nodeSeconds * pricePerHour / 3600;
  }

  @Test
  void serverless_billsEachJobFromStartUpToItsEndAndNothingBetween() {
    ServerlessSpec spec =
        new ServerlessSpec("c", "Standard_NC24ads_A100_v4", Distribution.constant(120));
    Workload jobs = jobsAt("Standard_NC24ads_A100_v4", 1800, 0, 10_000).withInstanceCount(2);
    ComputeStats stats =
        new ComputeRun(
                1,
                0,
                (sim, pricing) -> new ServerlessCompute(sim, spec, pricing, Quotas.unlimited()),
                jobs)
            .runSeconds(86_400);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(2 * 2 * 120, A100), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(2 * 2 * 1800, A100), EXACT);
    assertThat(
            stats.costUsd(CostBucket.IDLE)
                + stats.costUsd(CostBucket.FLOOR)
                + stats.costUsd(CostBucket.LB))
        .isZero();
    assertThat(stats.jobs().waitMeanSeconds()).isEqualTo(120.0);
    assertThat(stats.jobs().jobsCompleted()).isEqualTo(2);
  }

  @Test
  void serverless_quotaInUse_makesTheNextJobWait() {
    // 4 Ds_v3 vCPUs: one D4s_v3 node at a time. Job 1 starts up 0..60 and runs to 1060; job 2,
    // submitted at 0, gets the quota at 1060, starts up to 1120 and runs to 2120.
    ServerlessSpec spec = new ServerlessSpec("c", "Standard_D4s_v3", Distribution.constant(60));
    Quotas quotas = new Quotas(Map.of("Ds_v3", 4), OptionalInt.empty());
    ComputeStats stats =
        new ComputeRun(
                1,
                0,
                (sim, pricing) -> new ServerlessCompute(sim, spec, pricing, quotas),
                jobsAt("Standard_D4s_v3", 1000, 0, 0))
            .runSeconds(86_400);
    assertThat(stats.jobs().waitMeanSeconds()).isEqualTo((60 + 1120) / 2.0);
    assertThat(stats.peakNodes()).isEqualTo(1);
    assertThat(stats.totalCostUsd()).isCloseTo(usd(2 * 1060, D4S), EXACT);
  }

  @Test
  void attachedPool_billsEveryNodeAllDayAndQueuesJobs() {
    AttachedSpec spec =
        new AttachedSpec("c", AttachedSpec.Kind.VIRTUAL_MACHINE, "Standard_D4s_v3", 2);
    ComputeStats stats =
        new ComputeRun(
                1,
                0,
                (sim, pricing) -> AttachedPool.create(sim, spec, pricing),
                jobsAt("Standard_D4s_v3", 3600, 0, 0, 0))
            .runSeconds(86_400);
    assertThat(stats.totalCostUsd()).isCloseTo(2 * 24 * D4S, EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(3 * 3600, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.FLOOR)).isCloseTo(usd(2 * 86_400 - 3 * 3600, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.LB)).isZero();
    assertThat(stats.jobs().waitMeanSeconds()).isEqualTo(3600 / 3.0);
  }
}
