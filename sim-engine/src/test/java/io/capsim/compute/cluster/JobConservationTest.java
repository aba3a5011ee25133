package io.capsim.compute.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.JobCompute;
import io.capsim.compute.JobResults;
import io.capsim.cost.CostBucket;
import io.capsim.engine.SimTime;
import io.capsim.engine.random.Distribution;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.ComputeRun;
import io.capsim.workload.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jobs carried in from the warm-up and those still queued or running at the horizon, counted so
 * that carried in + submitted = completed + failed + queued + running holds in the results.
 * Standard_NC24ads_A100_v4 at $3.673/h in eastus (vms.csv); the load balancer $0.33 a day.
 */
class JobConservationTest {
  private static final double A100 = 3.673;

  private static ComputeRun oneNode(int maxNodes, int instanceCount, long... submitSeconds) {
    long[] micros = Arrays.stream(submitSeconds).map(s -> s * SimTime.MICROS_PER_SECOND).toArray();
    Workload jobs =
        Workload.simple(
                "train",
                "gpu",
                new ArrivalProcess.At(micros),
                Distribution.constant(3600),
                "Standard_NC24ads_A100_v4")
            .withInstanceCount(instanceCount);
    return new ComputeRun(
        ClusterSpec.defaults("gpu", "Standard_NC24ads_A100_v4")
            .withInstances(0, maxNodes)
            .withProvisioning(Distribution.constant(300)),
        jobs);
  }

  @Test
  void warmUpAndHorizon_countTheJobsInTheSystemAtEachEnd() {
    // One node, 1 h jobs at 100, 200, 400 and 5000 s: requested at 100, ready at 400; A 400..4000,
    // B 4000..7600, C 7600..11200, D waits. At the warm-up (1000 s) A runs and B, C wait: 3 carried
    // in; D is submitted after. By the horizon (8000 s) A and B completed, C runs, D waits.
    ComputeRun run = oneNode(1, 1, 100, 200, 400, 5000);
    ComputeStats stats = run.runSeconds(1000, 8000);
    JobResults jobs = stats.jobs();
    assertThat(jobs.jobsCarriedIn()).isEqualTo(3);
    assertThat(jobs.jobsSubmitted()).isEqualTo(1);
    assertThat(jobs.jobsCompleted()).isEqualTo(2);
    assertThat(jobs.jobsFailed()).isZero();
    assertThat(jobs.jobsQueuedAtEnd()).isEqualTo(1);
    assertThat(jobs.jobsRunningAtEnd()).isEqualTo(1);
    // The node is busy all 7,000 s after the warm-up: all of it productive.
    assertThat(stats.costUsd(CostBucket.PRODUCTIVE)).isCloseTo(7000 * A100 / 3600, within(0.005));
    assertThat(stats.costUsd(CostBucket.PROVISIONING)).isZero();
    assertThat(stats.costUsd(CostBucket.IDLE)).isZero();
    assertThat(stats.costUsd(CostBucket.FLOOR)).isZero();
    assertThat(stats.costUsd(CostBucket.LB)).isCloseTo(7000 / 86_400.0 * 0.33, within(0.005));
    assertThat(unfinished(run.compute(), 8000))
        .containsExactly("3 queued at the horizon", "2 running at the horizon");
  }

  @Test
  void withoutAWarmUp_nothingIsCarriedIn_andAJobOnTwoNodesIsOneRunningJob() {
    // Two nodes for one 2-node job at 0: requested at 0, ready at 300, running at the horizon.
    ComputeRun run = oneNode(2, 2, 0);
    JobResults jobs = run.runSeconds(1000).jobs();
    assertThat(jobs.jobsCarriedIn()).isZero();
    assertThat(jobs.jobsSubmitted()).isEqualTo(1);
    assertThat(jobs.jobsRunningAtEnd()).isEqualTo(1);
    assertThat(jobs.jobsQueuedAtEnd()).isZero();
    assertThat(unfinished(run.compute(), 1000)).containsExactly("0 running at the horizon");
  }

  private static List<String> unfinished(JobCompute compute, long endSeconds) {
    List<String> seen = new ArrayList<>();
    compute.forEachUnfinishedJob(
        (job, now, outcome) -> {
          assertThat(now).isEqualTo(endSeconds * SimTime.MICROS_PER_SECOND);
          seen.add(job.id() + " " + outcome);
        },
        endSeconds * SimTime.MICROS_PER_SECOND);
    return seen;
  }
}
