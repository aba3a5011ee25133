package io.capsim.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.cluster.ComputeCluster;
import io.capsim.compute.instance.ComputeInstance;
import io.capsim.compute.instance.InstanceSpec;
import io.capsim.compute.pool.Quotas;
import io.capsim.compute.pool.Tier;
import io.capsim.compute.serverless.ServerlessCompute;
import io.capsim.compute.serverless.ServerlessSpec;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Distribution;
import io.capsim.engine.stat.TimeWeighted;
import io.capsim.workload.ComputeRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * What every compute answers besides its costs: jobs reported as they leave, jobs that can never
 * fit failed with the reason even when submitted directly, nodes and queue now, and its invariant
 * check failing on a real compute whose books are made to lie.
 */
class ComputeSurfaceTest {
  private static final long SECOND = SimTime.MICROS_PER_SECOND;
  private static final Instant MONDAY = Instant.parse("2026-01-05T00:00:00Z");

  private final Simulation simulation = new Simulation(1, 0);
  private final Pricing pricing = Pricing.builtin(ComputeRun.REGION);

  private static Job job(long id, int nodes, long seconds) {
    return new Job(id, "w" + id, nodes, seconds * SECOND, 0, OnPreemption.RESUBMIT, false);
  }

  private ComputeCluster cluster(int min, int max) {
    ClusterSpec spec =
        ClusterSpec.defaults("cpu", "Standard_D4s_v3")
            .withInstances(min, max)
            .withProvisioning(Distribution.constant(300));
    return new ComputeCluster(simulation, spec, pricing, Quotas.unlimited());
  }

  private void submitAt(JobCompute compute, long seconds, Job job) {
    simulation.scheduleAt(seconds * SECOND, s -> compute.submit(job));
  }

  private record Left(
      long id, String workload, long submitted, long firstStart, long at, String outcome) {}

  private List<Left> observe(JobCompute compute) {
    List<Left> left = new ArrayList<>();
    compute.observeJobs(
        (job, now, outcome) ->
            left.add(
                new Left(
                    job.id(),
                    job.workload(),
                    job.submittedMicros() / SECOND,
                    job.started() ? job.firstStartMicros() / SECOND : -1,
                    now / SECOND,
                    outcome)));
    return left;
  }

  @Test
  void cluster_reportsEachJobAsItLeaves_andFailsOneThatCanNeverFit() {
    ComputeCluster cpu = cluster(0, 2);
    List<Left> left = observe(cpu);
    submitAt(cpu, 100, job(1, 1, 600));
    submitAt(cpu, 200, job(2, 3, 600));
    simulation.runUntil(150 * SECOND);
    assertThat(cpu.nodesNow()).isEqualTo(1);
    assertThat(cpu.queuedJobsNow()).isEqualTo(1);
    simulation.runUntil(2000 * SECOND);
    cpu.verifyInvariants(simulation.nowMicros());
    // Job 1 waits for its node (ready at 400) and runs to 1000; job 2 needs 3 nodes of 2.
    assertThat(left)
        .containsExactly(
            new Left(2, "w2", 200, -1, 200, "needs 3 nodes but max_instances is 2"),
            new Left(1, "w1", 100, 400, 1000, "completed"));
    ComputeStats stats = cpu.stats(simulation.nowMicros());
    assertThat(stats.jobs().jobsFailed()).isEqualTo(1);
    assertThat(stats.jobs().jobsCompleted()).isEqualTo(1);
    assertThat(cpu.queuedJobsNow()).isZero();
    assertThat(cpu.pricePerHourUsd()).isEqualTo(0.192);
    assertThat(cpu.name()).isEqualTo("cpu");
  }

  @Test
  void cluster_failsEveryJobThatCanNeverFit_notOnlyTheFirst() {
    ComputeCluster cpu = cluster(0, 2);
    List<Left> left = observe(cpu);
    submitAt(cpu, 10, job(1, 2, 60));
    submitAt(cpu, 20, job(2, 3, 60));
    submitAt(cpu, 30, job(3, 3, 60));
    submitAt(cpu, 40, job(4, 2, 60));
    simulation.runUntil(2000 * SECOND);
    cpu.verifyInvariants(simulation.nowMicros());
    // Two nodes ready at 310: job 1 runs to 370, job 4 from 370 to 430; jobs 2 and 3 never fit.
    assertThat(left)
        .containsExactly(
            new Left(2, "w2", 20, -1, 20, "needs 3 nodes but max_instances is 2"),
            new Left(3, "w3", 30, -1, 30, "needs 3 nodes but max_instances is 2"),
            new Left(1, "w1", 10, 310, 370, "completed"),
            new Left(4, "w4", 40, 370, 430, "completed"));
  }

  @Test
  void instance_failsAJobForTwoNodes_andCountsItsQueue() {
    ComputeInstance instance =
        new ComputeInstance(
            simulation, InstanceSpec.defaults("ci", "Standard_D2s_v3"), pricing, MONDAY);
    List<Left> left = observe(instance);
    submitAt(instance, 10, job(1, 2, 60));
    for (int i = 2; i <= 4; i++) {
      submitAt(instance, 20, job(i, 1, 60));
    }
    simulation.runUntil(30 * SECOND);
    // two vCPUs: two jobs run, the third waits
    assertThat(instance.queuedJobsNow()).isEqualTo(1);
    assertThat(instance.nodesNow()).isEqualTo(1);
    assertThat(instance.name()).isEqualTo("ci");
    simulation.runUntil(200 * SECOND);
    instance.verifyInvariants(simulation.nowMicros());
    assertThat(left.get(0))
        .isEqualTo(
            new Left(1, "w1", 10, -1, 10, "needs 2 nodes but a compute instance is one node"));
    assertThat(left).hasSize(4);
  }

  @Test
  void serverless_failsAJobBeyondTheQuota_andCountsItsQueue() {
    Quotas quotas = new Quotas(Map.of("Ds_v3", 4), OptionalInt.empty());
    ServerlessCompute serverless =
        new ServerlessCompute(
            simulation,
            new ServerlessSpec("sl", "Standard_D4s_v3", Distribution.constant(60)),
            pricing,
            quotas);
    List<Left> left = observe(serverless);
    submitAt(serverless, 0, job(1, 2, 60));
    submitAt(serverless, 0, job(2, 1, 600));
    submitAt(serverless, 0, job(3, 1, 600));
    simulation.runUntil(10 * SECOND);
    assertThat(serverless.queuedJobsNow()).isEqualTo(1);
    assertThat(serverless.name()).isEqualTo("sl");
    simulation.runUntil(3000 * SECOND);
    serverless.verifyInvariants(simulation.nowMicros());
    assertThat(left.get(0).outcome())
        .isEqualTo("needs 2 x 4 = 8 vCPUs of Ds_v3 dedicated but the quota is 4");
    assertThat(left)
        .extracting(Left::outcome)
        .containsExactly(left.get(0).outcome(), "completed", "completed");
    assertThat(quotas.inUse("Ds_v3", Tier.DEDICATED)).isZero();
  }

  @Test
  void minInstancesBeyondTheQuota_isRefusedWithTheFigures() {
    Quotas quotas = new Quotas(Map.of("Ds_v3", 8), OptionalInt.empty());
    ClusterSpec spec = ClusterSpec.defaults("cpu", "Standard_D4s_v3").withInstances(3, 4);
    assertThatThrownBy(() -> new ComputeCluster(simulation, spec, pricing, quotas))
        .hasMessage("cpu: 3 nodes need 12 vCPUs, more than the quota allows");
  }

  /** Each compute's verifyInvariants runs its books' checks: a job the books lose is caught. */
  @Test
  void everyCompute_checksItsBooks() {
    List<BiFunction<Simulation, Pricing, AccountedCompute>> computes =
        List.of(
            (sim, cat) ->
                new ComputeCluster(
                    sim, ClusterSpec.defaults("c", "Standard_D4s_v3"), cat, Quotas.unlimited()),
            (sim, cat) ->
                new ComputeInstance(
                    sim, InstanceSpec.defaults("c", "Standard_D4s_v3"), cat, MONDAY),
            (sim, cat) ->
                new ServerlessCompute(
                    sim, ServerlessSpec.defaults("c", "Standard_D4s_v3"), cat, Quotas.unlimited()));
    for (BiFunction<Simulation, Pricing, AccountedCompute> factory : computes) {
      Simulation sim = new Simulation(1, 0);
      AccountedCompute compute = factory.apply(sim, pricing);
      compute.books().jobs().recordSubmitted();
      assertThatThrownBy(() -> compute.verifyInvariants(0))
          .as(compute.getClass().getSimpleName())
          .hasMessage(
              "c: jobs not conserved: 0 carried over + 1 submitted != 0 completed + 0 failed"
                  + " + 0 queued or running");
    }
  }

  @Test
  void instance_checksItIsAlwaysStoppedOrRunning() throws Exception {
    ComputeInstance instance =
        new ComputeInstance(
            simulation, InstanceSpec.defaults("ci", "Standard_D4s_v3"), pricing, MONDAY);
    var field = ComputeInstance.class.getDeclaredField("stopped");
    field.setAccessible(true);
    ((TimeWeighted) field.get(instance)).update(0, 1); // stopped while it runs
    simulation.runUntil(10 * SECOND);
    assertThatThrownBy(() -> instance.verifyInvariants(simulation.nowMicros()))
        .hasMessage("ci: stopped 10.000000 s + running 10.000000 s != 10.000000 s measured");
  }

  @Test
  void accounting_checksTheCostsToo() {
    // A price the catalog could never give: the meter and the jobs agree, the dollars do not.
    Accounting books = new Accounting(simulation, "c", 0, 4, Double.NaN, 0.33, () -> 0);
    books.meter().change(0, 0, 1, 0);
    assertThatThrownBy(() -> books.verify(SECOND, 0, 0, new long[] {0}))
        .hasMessage("c: cost bucket productive is $NaN");
  }
}
