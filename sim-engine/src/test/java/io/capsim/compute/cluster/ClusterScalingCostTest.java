package io.capsim.compute.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.Job;
import io.capsim.compute.OnPreemption;
import io.capsim.compute.pool.Preemption;
import io.capsim.compute.pool.Quotas;
import io.capsim.compute.pool.Tier;
import io.capsim.cost.CostBucket;
import io.capsim.engine.SimTime;
import io.capsim.engine.random.Distribution;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.ComputeRun;
import io.capsim.workload.Workload;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * How a cluster scales, priced by hand from the catalog's eastus prices (vms.csv): Standard_D4s_v3
 * $0.192/h, Standard_NC24ads_A100_v4 $0.746721/h Spot; load balancers $0.33/day. Provisioning takes
 * a constant 300 s and the idle timeout is Azure's 120 s unless a test says otherwise. Each test
 * states its timeline; every bucket is asserted, to the cent and exactly.
 */
class ClusterScalingCostTest {
  private static final double D4S = 0.192;
  private static final double A100_SPOT = 0.746721;
  private static final double D4S_SPOT = 0.036902;
  private static final double LB_PER_DAY = 0.33;
  private static final long DAY = 86_400;
  private static final Offset<Double> CENT = within(0.005);
  private static final Offset<Double> EXACT = within(1e-9);

  private static ClusterSpec d4s(int min, int max) {
    return ClusterSpec.defaults("cpu", "Standard_D4s_v3")
        .withInstances(min, max)
        .withProvisioning(Distribution.constant(300));
  }

  /** Low-priority A100 nodes, each preempted 1000 s after it is ready. */
  private static ClusterSpec a100SpotPreemptedAfter1000s(int min, int max) {
    return ClusterSpec.defaults("gpu", "Standard_NC24ads_A100_v4")
        .withInstances(min, max)
        .withProvisioning(Distribution.constant(300))
        .withLowPriority(new Preemption.TimeTo(Distribution.constant(1000)));
  }

  private static Workload a100JobAtZero(double durationSeconds) {
    return Workload.simple(
        "train",
        "gpu",
        new ArrivalProcess.At(new long[] {0}),
        Distribution.constant(durationSeconds),
        "Standard_NC24ads_A100_v4");
  }

  static Workload jobsAt(String name, double durationSeconds, long... seconds) {
    long[] micros = Arrays.stream(seconds).map(s -> s * SimTime.MICROS_PER_SECOND).toArray();
    return Workload.simple(
        name,
        "cpu",
        new ArrivalProcess.At(micros),
        Distribution.constant(durationSeconds),
        "Standard_D4s_v3");
  }

  static double usd(double nodeSeconds, double pricePerHour) {
    return nodeSeconds * pricePerHour / 3600;
  }

  static double lbUsd(double seconds) {
    return seconds / DAY * LB_PER_DAY;
  }

  @Test
  void twoJobsTenSecondsApart_withRoomForFour_requestExactlyTwoNodes() {
    // A at 100: node 1 requested, ready 400, runs A 400..1000, idle to 1120. B at 110: node 2
    // requested (node 1 is already coming for A), ready 410, runs B 410..1010, idle to 1130.
    ComputeStats stats = new ComputeRun(d4s(0, 4), jobsAt("etl", 600, 100, 110)).runSeconds(DAY);
    assertThat(stats.peakNodes()).isEqualTo(2);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(0.032, CENT);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(600, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(1200, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(240, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.FLOOR)).isZero();
    assertThat(stats.costUsd(CostBucket.LOST_WORK)).isZero();
    assertThat(stats.costUsd(CostBucket.STOPPED)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(lbUsd(1130 - 100), EXACT);
    // 0.032 + 0.064 + 0.0128 + 0.00393
    assertThat(stats.totalCostUsd()).isCloseTo(0.11, CENT);
    // Submitted at 100 and 110, not at 0: waits 300 each, turnarounds 900 each.
    assertThat(stats.jobs().waitMeanSeconds()).isEqualTo(300.0);
    assertThat(stats.jobs().waitP99Seconds()).isCloseTo(300.0, within(0.5));
    assertThat(stats.jobs().turnaroundMeanSeconds()).isEqualTo(900.0);
    assertThat(stats.nodeHours()).isCloseTo(2040 / 3600.0, EXACT);
    assertThat(stats.busyNodeHours()).isCloseTo(1200 / 3600.0, EXACT);
  }

  @Test
  void fortyJobsAtOnce_twice_scaleToFortyNodesAndBackToZero_reusingTheNodes() {
    // 40 jobs at 60: 40 nodes requested, ready 360, run 360..1260, idle to 1380, released. The
    // same again at 2000: ready 2300, run 2300..3200, idle to 3320. One load balancer (up to 50
    // nodes) while any node exists: 60..1380 and 2000..3320.
    long[] firstWave = new long[40];
    long[] secondWave = new long[40];
    Arrays.fill(firstWave, 60);
    Arrays.fill(secondWave, 2000);
    long[] both = LongStream.concat(Arrays.stream(firstWave), Arrays.stream(secondWave)).toArray();
    ComputeStats stats = new ComputeRun(d4s(0, 40), jobsAt("etl", 900, both)).runSeconds(DAY);
    assertThat(stats.peakNodes()).isEqualTo(40);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(80 * 300, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(80 * 900, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(80 * 120, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.FLOOR)).isZero();
    assertThat(stats.costUsd(CostBucket.LOST_WORK)).isZero();
    assertThat(stats.costUsd(CostBucket.STOPPED)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(lbUsd(2 * 1320), EXACT);
    // 1.28 + 3.84 + 0.512 + 0.0101
    assertThat(stats.totalCostUsd()).isCloseTo(5.64, CENT);
    assertThat(stats.jobs().waitMeanSeconds()).isEqualTo(300.0);
    assertThat(stats.jobs().turnaroundMeanSeconds()).isEqualTo(1200.0);
    assertThat(stats.nodeHours()).isCloseTo(80 * 1320 / 3600.0, EXACT);
  }

  @Test
  void idleTimer_firingWhenItsNodeWasTaken_rearmsForTheNextDeadline() {
    // A (600 s) and B (660 s) at 0: nodes 1 and 2 requested, ready 300; A on node 1 to 900, B on
    // node 2 to 960. Node 1 idles from 900 (deadline 1020, the pool's one timer), node 2 from 960
    // (deadline 1080). At 1000 C (100 s) takes node 2, the newest idle, and D (10 s) node 1. D ends
    // 1010: node 1 idles again, deadline 1130. The timer fires at 1020 with nothing due and
    // re-arms for 1130, when node 1 goes; C ends 1100, node 2 idles to 1220 and goes.
    ComputeRun run =
        new ComputeRun(
            d4s(0, 2),
            jobsAt("a", 600, 0),
            jobsAt("b", 660, 0),
            jobsAt("c", 100, 1000),
            jobsAt("d", 10, 1000));
    int[] nodes = new int[4];
    long[] at = {1125, 1135, 1215, 1225};
    for (int i = 0; i < at.length; i++) {
      int sample = i;
      run.simulation()
          .scheduleAt(
              at[i] * SimTime.MICROS_PER_SECOND, s -> nodes[sample] = run.compute().nodesNow());
    }
    ComputeStats stats = run.runSeconds(DAY);
    assertThat(nodes).containsExactly(2, 1, 1, 0);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(600, D4S), EXACT);
    // 600 + 660 + 100 + 10
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(1370, D4S), EXACT);
    // node 1: 900..1000 and 1010..1130; node 2: 960..1000 and 1100..1220
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(380, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.FLOOR)).isZero();
    assertThat(stats.costUsd(CostBucket.LOST_WORK)).isZero();
    assertThat(stats.costUsd(CostBucket.STOPPED)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(lbUsd(1220), EXACT);
    // 0.032 + 0.07307 + 0.02027 + 0.00466
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(0.03, CENT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(0.07, CENT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(0.02, CENT);
    assertThat(stats.totalCostUsd()).isCloseTo(0.13, CENT);
    assertThat(stats.jobs().jobsCompleted()).isEqualTo(4);
  }

  @Test
  void minInstancesFloor_survivesAGangJob() {
    // The floor node is ready from 0. A 2-node job at 1000 takes it and a second node (requested
    // 1000, ready 1300); it runs 1300..1900. Both idle to 2020, when one is released and the
    // other stays as the floor until the end of the day.
    ComputeStats stats =
        new ComputeRun(d4s(1, 4), jobsAt("mpi", 600, 1000).withInstanceCount(2)).runSeconds(DAY);
    // Floor: 0..1000, one of the two idle nodes 1900..2020, 2020..86400. While the second node
    // provisions (1000..1300) the idle floor node counts as idle: the floor is met by nodes.
    assertThat(stats.costUsd(CostBucket.FLOOR)).isCloseTo(usd(1000 + 120 + 84_380, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(300 + 120, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(300, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(1200, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.LOST_WORK)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(LB_PER_DAY, EXACT);
    // 4.56 + 0.0224 + 0.016 + 0.064 + 0.33
    assertThat(stats.totalCostUsd()).isCloseTo(4.99, CENT);
    assertThat(stats.nodeHours()).isCloseTo((DAY + 1020) / 3600.0, EXACT);
    assertThat(stats.jobs().waitMeanSeconds()).isEqualTo(300.0);
    assertThat(stats.jobs().turnaroundMeanSeconds()).isEqualTo(900.0);
  }

  @Test
  void gangJobWaiting_keepsANodeWhoseTimeoutPasses_andReleasesItOnceNothingWaits() {
    // At 0: A (1 node, 400 s) and H (2 nodes, 1000 s) bring up nodes 1-3, ready at 300. A runs
    // 300..700 on node 1, H 300..1300 on nodes 2 and 3. G (2 nodes, 600 s) arrives at 750: one
    // node is idle and the cluster is at max_instances 3, so G waits. Node 1's timeout passes at
    // 820 while G waits: it is kept. At 1300 H ends, G takes nodes 2 and 3 (the most recently
    // used) and runs 1300..1900; nothing waits, so node 1 is released at 1300. Nodes 2 and 3 idle
    // 1900..2020.
    ComputeStats stats =
        new ComputeRun(
                d4s(0, 3),
                jobsAt("a", 400, 0),
                jobsAt("h", 1000, 0).withInstanceCount(2),
                jobsAt("g", 600, 750).withInstanceCount(2))
            .runSeconds(DAY);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(3 * 300, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE))
        .isCloseTo(usd(400 + 2 * 1000 + 2 * 600, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(600 + 2 * 120, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.FLOOR)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(lbUsd(2020), EXACT);
    // 0.048 + 0.192 + 0.0448 + 0.00772
    assertThat(stats.totalCostUsd()).isCloseTo(0.29, CENT);
    assertThat(stats.jobs().waitMeanSeconds()).isCloseTo((300 + 300 + 550) / 3.0, EXACT);
    assertThat(stats.peakNodes()).isEqualTo(3);
  }

  @Test
  void scalesDownAndUpAgain_againstItsQuota() {
    // 8 Ds_v3 vCPUs: two D4s_v3 nodes although max_instances is 4. Three jobs at 0: two run
    // 300..900, the third 900..1500 on one node while the other idles to 1020 and goes; that one
    // idles 1500..1620 and goes. A job at 2000 finds no node: a fresh one (its quota given back)
    // is ready at 2300, runs it to 2900, idles to 3020.
    Quotas quotas = new Quotas(java.util.Map.of("Ds_v3", 8), java.util.OptionalInt.empty());
    ComputeRun run = new ComputeRun(1, 0, d4s(0, 4), quotas, jobsAt("etl", 600, 0, 0, 0, 2000));
    ComputeStats stats = run.runSeconds(DAY);
    assertThat(stats.peakNodes()).isEqualTo(2);
    assertThat(stats.jobs().jobsCompleted()).isEqualTo(4);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(3 * 300, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(4 * 600, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(3 * 120, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.FLOOR)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(lbUsd(1620 + 1020), EXACT);
    // 0.048 + 0.128 + 0.0192 + 0.01008
    assertThat(stats.totalCostUsd()).isCloseTo(0.205, CENT);
    assertThat(stats.jobs().waitMeanSeconds()).isEqualTo((300 + 300 + 900 + 300) / 4.0);
    assertThat(stats.jobs().turnaroundMeanSeconds()).isEqualTo((900 + 900 + 1500 + 900) / 4.0);
    assertThat(quotas.inUse("Ds_v3", Tier.DEDICATED)).isZero();
  }

  @Test
  void waitsAfterWarmup_countOnlyJobsSubmittedAfterIt() {
    // Two jobs at 0 wait 300 and 900 s (one node). Warm-up ends at 1600; the node idles since
    // 1500, so the job at 1610 starts at once: 1610..2210, idle to 2330.
    ComputeStats stats =
        new ComputeRun(1, 0, d4s(0, 1), Quotas.unlimited(), jobsAt("etl", 600, 0, 0, 1610))
            .runSeconds(1600, DAY);
    assertThat(stats.jobs().jobsSubmitted()).isEqualTo(1);
    assertThat(stats.jobs().jobsCompleted()).isEqualTo(1);
    assertThat(stats.jobs().waitMeanSeconds()).isZero();
    assertThat(stats.jobs().waitProbability()).isZero();
    assertThat(stats.jobs().waitP95Seconds()).isZero();
    assertThat(stats.jobs().turnaroundMeanSeconds()).isEqualTo(600.0);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(10 + 120, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(usd(600, D4S), EXACT);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(lbUsd(2330 - 1600), EXACT);
    assertThat(stats.totalCostUsd()).isCloseTo(0.04, CENT);
  }

  @Test
  void preemptedGangJob_withCheckpoints_losesTheWorkSinceTheLastOneOnEveryNode() {
    // Nodes 1 and 2 are ready at 300 and preempted 1000 s later, at 1300. The 2-node job of 1500 s
    // checkpointing every 600 s ran 1000 s: it keeps 600 and loses 400 on each node. Node 1 goes
    // first (the job is resubmitted; node 2 idles, a node is requested), then node 2 (idle: no
    // job lost; another is requested). Nodes 3 and 4 are ready at 1600; the job resumes for its
    // last 900 s to 2500; both idle until they are preempted at 2600.
    ClusterSpec spec = a100SpotPreemptedAfter1000s(0, 2);
    Workload job =
        a100JobAtZero(1500)
            .withInstanceCount(2)
            .withCheckpointsEvery(600 * SimTime.MICROS_PER_SECOND, OnPreemption.RESUBMIT);
    ComputeStats stats = new ComputeRun(spec, job).runSeconds(DAY);
    assertThat(stats.jobs().preemptions()).isEqualTo(1);
    assertThat(stats.jobs().jobsCompleted()).isEqualTo(1);
    assertThat(stats.jobs().turnaroundMeanSeconds()).isEqualTo(2500.0);
    assertThat(stats.costUsd(CostBucket.LOST_WORK)).isCloseTo(usd(2 * 400, A100_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE))
        .isCloseTo(usd(2 * 600 + 2 * 900, A100_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(4 * 300, A100_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(2 * 100, A100_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.FLOOR)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(lbUsd(2600), EXACT);
    // 0.16594 + 0.62227 + 0.24891 + 0.04148 + 0.00993
    assertThat(stats.totalCostUsd()).isCloseTo(1.09, CENT);
    assertThat(stats.nodeHours()).isCloseTo(4 * 1300 / 3600.0, EXACT);
  }

  @Test
  void preemptedFloorNode_isReplacedAtOnce() {
    // min = max = 1, low priority, every node preempted 1000 s after it is ready. Node 1 is ready
    // at 0 and goes at 1000; node 2 is requested then, ready 1300, gone 2300; node 3 ready 2600.
    ClusterSpec spec = a100SpotPreemptedAfter1000s(1, 1);
    ComputeStats stats = new ComputeRun(spec).runSeconds(3000);
    assertThat(stats.costUsd(CostBucket.FLOOR)).isCloseTo(usd(1000 + 1000 + 400, A100_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(600, A100_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.IDLE)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(lbUsd(3000), EXACT);
    assertThat(stats.totalCostUsd()).isCloseTo(0.63, CENT);
    assertThat(stats.nodeHours()).isCloseTo(3000 / 3600.0, EXACT);
  }

  @Test
  void preemptedJob_resumesAtOnceOnAnIdleNode_andTheQuotaComesBack() {
    // Low priority, 8 regional vCPUs, every node preempted 2000 s after it is ready, idle timeout
    // 3600 s. A (2500 s, checkpoints every 500 s) runs on node 1 from 300; B (100 s) arrives at
    // 1000, gets node 2 (ready 1300) and leaves it idle at 1400. Node 1 goes at 2300 with A's
    // four checkpoints kept: A resumes at once on node 2 for its last 500 s, to 2800. Node 2 idles
    // until it is preempted at 3300.
    Quotas quotas = new Quotas(java.util.Map.of(), java.util.OptionalInt.of(8));
    ClusterSpec spec =
        d4s(0, 2)
            .withIdleTimeBeforeScaleDown(3600)
            .withLowPriority(new Preemption.TimeTo(Distribution.constant(2000)));
    Workload a =
        jobsAt("a", 2500, 0)
            .withCheckpointsEvery(500 * SimTime.MICROS_PER_SECOND, OnPreemption.RESUBMIT);
    ComputeStats stats =
        new ComputeRun(1, 0, spec, quotas, a, jobsAt("b", 100, 1000)).runSeconds(DAY);
    assertThat(stats.jobs().preemptions()).isEqualTo(1);
    assertThat(stats.jobs().turnaroundMeanSeconds()).isEqualTo((2800 + 400) / 2.0);
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isCloseTo(usd(2 * 300, D4S_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE))
        .isCloseTo(usd(2000 + 500 + 100, D4S_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.LOST_WORK)).isZero();
    assertThat(stats.costUsd(CostBucket.IDLE)).isCloseTo(usd(900 + 500, D4S_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(lbUsd(3300), EXACT);
    assertThat(stats.totalCostUsd()).isCloseTo(0.06, CENT);
    assertThat(quotas.inUse("", Tier.LOW_PRIORITY)).isZero();
  }

  @Test
  void workLostAfterWarmup_countsOnlyWhatRanAfterIt() {
    // The node is ready at 300 and preempted at 1300 with 1000 s of uncheckpointed work; warm-up
    // ends at 1000, so 300 s of it are lost work in the measured window (1000..1300), and the job
    // is back in the queue at the end.
    ClusterSpec spec = a100SpotPreemptedAfter1000s(0, 1);
    Workload job = a100JobAtZero(3600);
    ComputeStats stats = new ComputeRun(1, 0, spec, Quotas.unlimited(), job).runSeconds(1000, 1300);
    assertThat(stats.costUsd(CostBucket.LOST_WORK)).isCloseTo(usd(300, A100_SPOT), EXACT);
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isZero();
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(lbUsd(300), EXACT);
    assertThat(stats.jobs().preemptions()).isEqualTo(1);
    assertThat(stats.jobs().jobsSubmitted()).isZero();
  }

  @Test
  void jobsFailedBeforeWarmup_leaveNoReasonBehind() {
    // A 3-node job on a 2-node cluster fails at 10; warm-up ends at 100.
    ComputeRun run = new ComputeRun(d4s(0, 2), jobsAt("etl", 60, 200));
    Job tooWide =
        new Job(99, "mpi", 3, 60 * SimTime.MICROS_PER_SECOND, 0, OnPreemption.RESUBMIT, false);
    run.simulation().scheduleAt(10 * SimTime.MICROS_PER_SECOND, s -> run.compute().submit(tooWide));
    ComputeStats stats = run.runSeconds(100, DAY);
    assertThat(stats.jobs().jobsFailed()).isZero();
    assertThat(stats.jobs().failuresByReason()).isEmpty();
    assertThat(stats.jobs().jobsCompleted()).isEqualTo(1);
  }
}
