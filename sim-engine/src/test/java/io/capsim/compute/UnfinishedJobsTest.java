package io.capsim.compute;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.compute.instance.ComputeInstance;
import io.capsim.compute.instance.InstanceSpec;
import io.capsim.compute.pool.Quotas;
import io.capsim.compute.serverless.ServerlessCompute;
import io.capsim.compute.serverless.ServerlessSpec;
import io.capsim.engine.SimTime;
import io.capsim.engine.random.Distribution;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.ComputeRun;
import io.capsim.workload.Workload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What an instance and serverless compute still hold at the end of a run, counted and listed as the
 * per-job table lists them; what an instance can run at once.
 */
class UnfinishedJobsTest {
  private static final long END = 1000;

  private static Workload hourLongJobsAtZero(int count) {
    return Workload.simple(
        "w",
        "c",
        new ArrivalProcess.At(new long[count]),
        Distribution.constant(3600),
        "Standard_D4s_v3");
  }

  @Test
  void anInstance_runsAJobOnEachOfItsFourVcpus_andQueuesTheFifth() {
    ComputeRun run =
        new ComputeRun(
            1,
            0,
            (sim, pricing) ->
                new ComputeInstance(
                    sim,
                    InstanceSpec.defaults("c", "Standard_D4s_v3"),
                    pricing,
                    Instant.parse("2026-03-02T05:00:00Z")),
            hourLongJobsAtZero(5));
    JobResults jobs = run.runSeconds(END).jobs();
    JobCompute instance = run.compute();
    assertThat(instance.capacityNodes()).isEqualTo(4);
    assertThat(instance.runningJobsNow()).isEqualTo(4);
    assertThat(jobs.jobsRunningAtEnd()).isEqualTo(4);
    assertThat(jobs.jobsQueuedAtEnd()).isEqualTo(1);
    assertThat(unfinished(instance))
        .containsExactly(
            "4 queued at the horizon",
            "0 running at the horizon",
            "1 running at the horizon",
            "2 running at the horizon",
            "3 running at the horizon");
  }

  @Test
  void serverless_holdsNodesForWhatTheQuotaAllows_andQueuesTheRest() {
    // A 4-vCPU quota holds one Standard_D4s_v3 node: the first job has it, the second waits.
    Quotas quota = new Quotas(Map.of("Ds_v3", 4), OptionalInt.empty());
    ComputeRun run =
        new ComputeRun(
            1,
            0,
            (sim, pricing) ->
                new ServerlessCompute(
                    sim, ServerlessSpec.defaults("c", "Standard_D4s_v3"), pricing, quota),
            hourLongJobsAtZero(2));
    JobResults jobs = run.runSeconds(END).jobs();
    assertThat(run.compute().runningJobsNow()).isEqualTo(1);
    assertThat(jobs.jobsRunningAtEnd()).isEqualTo(1);
    assertThat(jobs.jobsQueuedAtEnd()).isEqualTo(1);
    assertThat(jobs.jobsSubmitted()).isEqualTo(2);
    assertThat(unfinished(run.compute()))
        .containsExactly("1 queued at the horizon", "0 running at the horizon");
  }

  private static List<String> unfinished(JobCompute compute) {
    List<String> seen = new ArrayList<>();
    compute.forEachUnfinishedJob(
        (job, now, outcome) -> seen.add(job.id() + " " + outcome), END * SimTime.MICROS_PER_SECOND);
    return seen;
  }
}
