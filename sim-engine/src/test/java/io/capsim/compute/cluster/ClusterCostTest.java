package io.capsim.compute.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.OnPreemption;
import io.capsim.compute.pool.Preemption;
import io.capsim.compute.pool.Quotas;
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
 * Deterministic clusters priced by hand from the catalog's eastus prices (vms.csv): Standard_D4s_v3
 * $0.192/h, Standard_NC24ads_A100_v4 $3.673/h pay-as-you-go and $0.746721/h Spot. Load balancers
 * cost $0.33 per day each. Every expected dollar below is node-seconds × price / 3600.
 */
class ClusterCostTest {
  private static final double A100 = 3.673;
  private static final double A100_SPOT = 0.746721;
  private static final double D4S = 0.192;
  private static final double LB_PER_DAY = 0.33;
  private static final Offset<Double> CENT = within(0.005);
  private static final Offset<Double> EXACT = within(1e-9);

  private static ClusterSpec a100(int min, int max) {
    return ClusterSpec.defaults("gpu", "Standard_NC24ads_A100_v4")
        .withInstances(min, max)
        .withProvisioning(Distribution.constant(300));
  }

  private static Workload jobsAt(double durationSeconds, long... seconds) {
    long[] micros = Arrays.stream(seconds).map(s -> s * SimTime.MICROS_PER_SECOND).toArray();
    return Workload.simple(
        "train",
        "gpu",
        new ArrivalProcess.At(micros),
        Distribution.constant(durationSeconds),
        "Standard_NC24ads_A100_v4");
  }

  private static double usd(double nodeSeconds, double pricePerHour) {
    return nodeSeconds * pricePerHour / 3600;
  }

  @Test
  void scaleFromZero_billsProvisioningWorkAndTheIdleTail() {
    // Request at 0, ready at 300, job 300..3900, idle 3900..4020, released at 4020.
    ComputeStats stats = new ComputeRun(a100(0, 1), jobsAt(3600, 0)).runSeconds(86_400);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(300, A100), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(3600, A100), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(120, A100), EXACT);
    assertThat(stats.costUsd(CostBucket.FLOOR)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(4020 / 86_400.0 * LB_PER_DAY, EXACT);
    // 0.30608 + 3.673 + 0.12243 + 0.01535
    assertThat(stats.totalCostUsd()).isCloseTo(4.12, CENT);
    assertThat(stats.jobs().waitMeanSeconds()).isEqualTo(300.0);
    assertThat(stats.jobs().turnaroundMeanSeconds()).isEqualTo(3900.0);
    assertThat(stats.nodeHours()).isCloseTo(4020 / 3600.0, EXACT);
    assertThat(stats.utilization()).isCloseTo(3600 / 4020.0, EXACT);
    assertThat(stats.jobs().jobsCompleted()).isEqualTo(1);
    assertThat(stats.peakNodes()).isEqualTo(1);
  }

  @Test
  void minInstancesFloor_noJobs_billsTheFloorAllDay() {
    ClusterSpec spec = ClusterSpec.defaults("cpu", "Standard_D4s_v3").withInstances(2, 4);
    ComputeStats stats = new ComputeRun(spec).runSeconds(86_400);
    assertThat(stats.costUsd(CostBucket.FLOOR)).isCloseTo(2 * 24 * D4S, EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(LB_PER_DAY, EXACT);
    assertThat(stats.totalCostUsd()).isCloseTo(9.216 + 0.33, CENT);
    assertThat(stats.utilization()).isZero();
  }

  @Test
  void gangJob_startsWhenAllItsNodesAreUp() {
    // Four nodes provision 0..300, the job runs on all four 300..900, idle to 1020.
    ComputeStats stats =
        new ComputeRun(a100(0, 4), jobsAt(600, 0).withInstanceCount(4)).runSeconds(86_400);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(4 * 300, A100), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(4 * 600, A100), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(4 * 120, A100), EXACT);
    assertThat(stats.jobs().waitMeanSeconds()).isEqualTo(300.0);
    assertThat(stats.peakNodes()).isEqualTo(4);
  }

  @Test
  void scaleDownRace_jobArrivingDuringReleaseWaitsForAFreshNode() {
    // A: ready 300, runs 300..900, idle to 1020, releasing 1020..1080. B arrives at 1050: the only
    // node (max 1) is going away, so B's node is requested at 1080, ready 1380, runs to 1980.
    ClusterSpec spec = a100(0, 1).withScaleDownMicros(60 * SimTime.MICROS_PER_SECOND);
    ComputeStats stats = new ComputeRun(spec, jobsAt(600, 0, 1050)).runSeconds(86_400);
    assertThat(stats.jobs().waitP99Seconds()).isCloseTo(330.0, within(0.5));
    assertThat(stats.jobs().waitMeanSeconds()).isEqualTo((300 + 330) / 2.0);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(600, A100), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(1200, A100), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(2 * (120 + 60), A100), EXACT);
  }

  @Test
  void reuse_jobArrivingBeforeTheTimeout_takesTheIdleNodeAndCancelsItsTimer() {
    // A: 300..900; B arrives at 1000 (idle since 900) and runs at once, 1000..1600, idle to 1720.
    ComputeStats stats = new ComputeRun(a100(0, 1), jobsAt(600, 0, 1000)).runSeconds(86_400);
    assertThat(stats.jobs().waitMeanSeconds()).isEqualTo(150.0);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(100 + 120, A100), EXACT);
    assertThat(stats.nodeHours()).isCloseTo(1720 / 3600.0, EXACT);
  }

  @Test
  void lowPriority_preemptedEvery1000s_checkpointsEvery600s_keepsWholeIntervals() {
    // Each node dies 1000 s after it is ready. 3600 s of work in checkpointed 600 s steps: five
    // segments keep 600 and lose 400 each, the sixth runs the last 600 and completes at 7400.
    ClusterSpec spec =
        a100(0, 1).withLowPriority(new Preemption.TimeTo(Distribution.constant(1000)));
    Workload workload =
        jobsAt(3600, 0)
            .withCheckpointsEvery(600 * SimTime.MICROS_PER_SECOND, OnPreemption.RESUBMIT);
    ComputeStats stats = new ComputeRun(spec, workload).runSeconds(86_400);
    assertThat(stats.jobs().preemptions()).isEqualTo(5);
    assertThat(stats.jobs().jobsCompleted()).isEqualTo(1);
    assertThat(stats.jobs().turnaroundMeanSeconds()).isEqualTo(7400.0);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(6 * 300, A100_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(3600, A100_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.LOST_WORK)).isCloseTo(usd(5 * 400, A100_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(120, A100_SPOT), EXACT);
  }

  @Test
  void lowPriority_noCheckpoints_onPreemptionFail_losesAllWorkAndFailsTheJob() {
    ClusterSpec spec =
        a100(0, 1).withLowPriority(new Preemption.TimeTo(Distribution.constant(1000)));
    Workload workload = jobsAt(1500, 0).withCheckpointsEvery(0, OnPreemption.FAIL);
    ComputeStats stats = new ComputeRun(spec, workload).runSeconds(86_400);
    assertThat(stats.jobs().jobsFailed()).isEqualTo(1);
    assertThat(stats.jobs().failuresByReason())
        .isEqualTo(Map.of("preempted (on_preemption: fail)", 1L));
    assertThat(stats.costUsd(CostBucket.LOST_WORK)).isCloseTo(usd(1000, A100_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isZero();
    assertThat(stats.costUsd(CostBucket.IDLE)).isZero();
  }

  @Test
  void lowPriority_noCheckpoints_resubmitted_startsOverEachTime() {
    // 1500 s of work never fits in 1000 s: lost at 1300, 2600 and 3900; running at 5000.
    ClusterSpec spec =
        a100(0, 1).withLowPriority(new Preemption.TimeTo(Distribution.constant(1000)));
    ComputeStats stats = new ComputeRun(spec, jobsAt(1500, 0)).runSeconds(5000);
    assertThat(stats.jobs().preemptions()).isEqualTo(3);
    assertThat(stats.costUsd(CostBucket.LOST_WORK)).isCloseTo(usd(3000, A100_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(800, A100_SPOT), EXACT);
    assertThat(stats.jobs().jobsCompleted()).isZero();
  }

  @Test
  void quota_capsNodesAndLaterJobsWaitForTheFirstToFinish() {
    // 8 Ds_v3 vCPUs = two D4s_v3 nodes although max_instances is 4.
    Quotas quotas = new Quotas(Map.of("Ds_v3", 8), OptionalInt.empty());
    ClusterSpec spec =
        ClusterSpec.defaults("cpu", "Standard_D4s_v3")
            .withInstances(0, 4)
            .withProvisioning(Distribution.constant(300));
    Workload workload =
        Workload.simple(
            "etl",
            "cpu",
            new ArrivalProcess.At(new long[] {0, 0, 0, 0}),
            Distribution.constant(1000),
            "Standard_D4s_v3");
    ComputeStats stats = new ComputeRun(1, 0, spec, quotas, workload).runSeconds(86_400);
    assertThat(stats.peakNodes()).isEqualTo(2);
    assertThat(stats.jobs().waitMeanSeconds()).isEqualTo((300 + 300 + 1300 + 1300) / 4.0);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(4000, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(600, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(240, D4S), EXACT);
  }

  @Test
  void lowPriorityQuota_isOneRegionalPoolOfVcpus() {
    // 8 low-priority vCPUs: two D4s_v3 nodes; the dedicated Ds_v3 family quota does not apply.
    Quotas quotas = new Quotas(Map.of("Ds_v3", 0), OptionalInt.of(8));
    ClusterSpec spec =
        ClusterSpec.defaults("cpu", "Standard_D4s_v3")
            .withInstances(0, 4)
            .withProvisioning(Distribution.constant(300))
            .withLowPriority(Preemption.none());
    Workload workload =
        Workload.simple(
            "etl",
            "cpu",
            new ArrivalProcess.At(new long[] {0, 0, 0}),
            Distribution.constant(1000),
            "Standard_D4s_v3");
    ComputeStats stats = new ComputeRun(1, 0, spec, quotas, workload).runSeconds(86_400);
    assertThat(stats.peakNodes()).isEqualTo(2);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(3000, 0.036902), EXACT);
  }

  @Test
  void warmup_costsAndCountsOnlyWhatHappensAfterIt() {
    // The floor of two D4s_v3 nodes over the second half of the day; the job at 1 h is before it.
    ClusterSpec spec = ClusterSpec.defaults("cpu", "Standard_D4s_v3").withInstances(2, 2);
    Workload early =
        Workload.simple(
            "etl",
            "cpu",
            new ArrivalProcess.At(new long[] {3600L * SimTime.MICROS_PER_SECOND}),
            Distribution.constant(600),
            "Standard_D4s_v3");
    ComputeStats stats =
        new ComputeRun(1, 0, spec, Quotas.unlimited(), early).runSeconds(43_200, 86_400);
    assertThat(stats.costUsd(CostBucket.FLOOR)).isCloseTo(2 * 12 * D4S, EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isZero();
    assertThat(stats.jobs().jobsSubmitted()).isZero();
    assertThat(stats.jobs().jobsCompleted()).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(LB_PER_DAY / 2, EXACT);
  }

  @Test
  void jobThatCanNeverFit_isRefusedUpFrontWithTheReason() {
    Quotas quotas = new Quotas(Map.of("Ds_v3", 8), OptionalInt.empty());
    ClusterSpec spec = ClusterSpec.defaults("cpu", "Standard_D4s_v3").withInstances(0, 4);
    Workload wide =
        Workload.simple(
            "mpi",
            "cpu",
            new ArrivalProcess.At(new long[] {0}),
            Distribution.constant(10),
            "Standard_D4s_v3");
    assertThatThrownBy(() -> new ComputeRun(1, 0, spec, quotas, wide.withInstanceCount(3)))
        .hasMessage("mpi on cpu: needs 3 x 4 = 12 vCPUs of Ds_v3 dedicated but the quota is 8");
    assertThatThrownBy(() -> new ComputeRun(1, 0, spec, quotas, wide.withInstanceCount(5)))
        .hasMessage("mpi on cpu: needs 5 nodes but max_instances is 4");
  }
}
