package io.capsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.capsim.catalog.Catalog;
import io.capsim.compute.InvalidSettingException;
import io.capsim.compute.Pricing;
import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.cluster.ComputeCluster;
import io.capsim.compute.pool.Quotas;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Distribution;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Durations scale from the reference size by what bounds the job, and jobs that cannot run on the
 * compute's size are refused before anything runs.
 */
class WorkloadDriverTest {
  private static final Catalog CATALOG = Catalog.builtin();

  private static WorkloadDriver driver(String size, Workload workload) {
    Simulation simulation = new Simulation(1, 0);
    ComputeCluster cluster =
        new ComputeCluster(
            simulation,
            ClusterSpec.defaults("c", size),
            Pricing.builtin("eastus"),
            Quotas.unlimited());
    return new WorkloadDriver(simulation, workload, cluster, CATALOG);
  }

  private static Workload training(String referenceSize, Speedup speedup) {
    return Workload.simple(
            "train",
            "c",
            new ArrivalProcess.Poisson(1.0 / 3600),
            Distribution.constant(3600),
            referenceSize)
        .withSpeedup(speedup);
  }

  @Test
  void gpuSpeedup_scalesByTotalGpuThroughput() {
    // Reference NC24s_v3: 4 x V100 = 4.0; target NC24ads_A100_v4: 1 x A100 80GB PCIe = 2.71.
    WorkloadDriver driver =
        driver("Standard_NC24ads_A100_v4", training("Standard_NC24s_v3", Speedup.GPU));
    assertThat(driver.durationFactor()).isCloseTo(4.0 / 2.71, within(1e-12));
  }

  @Test
  void cpuSpeedup_scalesByVcpusTimesAcu() {
    // Reference D4s_v3: 4 vCPUs x 175 ACU; target F8s_v2: 8 x 202.5.
    WorkloadDriver driver = driver("Standard_F8s_v2", training("Standard_D4s_v3", Speedup.CPU));
    assertThat(driver.durationFactor()).isCloseTo(4 * 175.0 / (8 * 202.5), within(1e-12));
  }

  @Test
  void eachJobRunsForItsDurationTimesTheFactor_andJobsAreNumberedInOrder() {
    // Two one-hour jobs measured on D4s_v3, at 100 s and 7300 s, on one always-ready F8s_v2:
    // each runs 3600 x 700 / 1620 = 1555.56 s, at once, so turnaround = run time.
    Workload workload =
        Workload.simple(
                "train",
                "c",
                new ArrivalProcess.At(new long[] {100_000_000L, 7_300_000_000L}),
                Distribution.constant(3600),
                "Standard_D4s_v3")
            .withSpeedup(Speedup.CPU);
    ComputeRun run =
        new ComputeRun(ClusterSpec.defaults("c", "Standard_F8s_v2").withInstances(1, 1), workload);
    List<Long> ids = new ArrayList<>();
    run.compute().observeJobs((job, nowMicros, outcome) -> ids.add(job.id()));
    var stats = run.runSeconds(86_400);
    double seconds = 3600 * 4 * 175.0 / (8 * 202.5);
    assertThat(stats.jobs().turnaroundMeanSeconds()).isCloseTo(seconds, within(1e-6));
    assertThat(stats.busyNodeHours()).isCloseTo(2 * seconds / 3600, within(1e-9));
    assertThat(ids).containsExactly(0L, 1L);
  }

  @Test
  void noSpeedup_keepsTheDuration() {
    assertThat(
            driver("Standard_F8s_v2", training("Standard_D4s_v3", Speedup.NONE)).durationFactor())
        .isEqualTo(1.0);
  }

  @Test
  void gpuWorkloadOnCpuSize_isRefused() {
    assertThatThrownBy(() -> driver("Standard_D4s_v3", training("Standard_NC24s_v3", Speedup.GPU)))
        .hasMessage("train on c: Standard_D4s_v3 has no GPUs, so it cannot run a GPU workload");
  }

  @Test
  void interactiveSessionsOnACluster_areRefused_asTheWorkloadsWhole() {
    assertThatThrownBy(
            () ->
                driver(
                    "Standard_D4s_v3", training("Standard_D4s_v3", Speedup.NONE).asInteractive()))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.owner()).isEqualTo(InvalidSettingException.Owner.WORKLOAD);
              assertThat(e.name()).isEqualTo("train");
              assertThat(e.key()).isEmpty();
              assertThat(e.reason())
                  .isEqualTo("interactive sessions run on compute instances only");
            })
        .hasMessage("train on c: interactive sessions run on compute instances only");
  }

  @Test
  void cudaTooOldForTheArchitecture_isRefused() {
    Workload workload = training("Standard_NC24s_v3", Speedup.GPU).withCuda("10.2");
    assertThatThrownBy(() -> driver("Standard_NC24ads_A100_v4", workload))
        .hasMessage(
            "train on c: Standard_NC24ads_A100_v4 has A100-80GB-PCIe GPUs (Ampere), which"
                + " need CUDA 11.0 or later, not 10.2");
  }

  @Test
  void cpuSpeedup_sizeWithoutKnownSpeed_saysHowToFixIt() {
    assertThatThrownBy(() -> driver("Standard_B2s", training("Standard_D4s_v3", Speedup.CPU)))
        .hasMessage(
            "Standard_B2s has no published CPU speed (Azure Compute Units), so speedup: cpu"
                + " cannot scale durations measured on Standard_D4s_v3 to Standard_B2s; measure"
                + " them on Standard_B2s and make it the reference_size, leave it out, or use"
                + " speedup: none if jobs take as long on every size");
    assertThatThrownBy(() -> driver("Standard_D4s_v3", training("Standard_B2s", Speedup.CPU)))
        .hasMessageStartingWith(
            "Standard_B2s has no published CPU speed (Azure Compute Units), so speedup: cpu"
                + " cannot scale durations measured on Standard_B2s to Standard_D4s_v3;");
  }

  @Test
  void cpuSpeedup_onTheReferenceSizeItself_needsNoSpeed() {
    assertThat(
            Speedup.CPU.durationFactor(CATALOG.size("Standard_B2s"), CATALOG.size("Standard_B2s")))
        .isEqualTo(1.0);
    assertThat(
            Speedup.CPU.durationFactor(
                CATALOG.size("Standard_D2s_v3"), CATALOG.size("Standard_D4s_v3")))
        .isEqualTo(0.5);
  }

  @Test
  void cpuSpeedup_overriddenSpeed_isUsed() {
    Catalog withB2s =
        CATALOG.withSize(CATALOG.size("Standard_B2s").withAcuPerVcpu(100, "user: measured"));
    Simulation simulation = new Simulation(1, 0);
    ComputeCluster cluster =
        new ComputeCluster(
            simulation,
            ClusterSpec.defaults("c", "Standard_B2s"),
            new Pricing(withB2s, "eastus"),
            Quotas.unlimited());
    WorkloadDriver driver =
        new WorkloadDriver(simulation, training("Standard_D4s_v3", Speedup.CPU), cluster, withB2s);
    assertThat(driver.durationFactor()).isCloseTo(4 * 175.0 / (2 * 100), within(1e-12));
  }

  @Test
  void aSizeShortOfWhatTheJobsRequire_isRefusedAtTheRequiresKey() {
    Workload simple = training("Standard_D4s_v3", Speedup.NONE);
    Workload needy =
        new Workload(
            simple.name(),
            simple.compute(),
            simple.arrivals(),
            1,
            simple.durationSeconds(),
            simple.referenceSize(),
            Speedup.NONE,
            java.util.Optional.empty(),
            0,
            io.capsim.compute.OnPreemption.RESUBMIT,
            false,
            new io.capsim.catalog.Requirements(
                java.util.OptionalDouble.of(32),
                java.util.OptionalDouble.empty(),
                java.util.OptionalInt.empty()));
    assertThatThrownBy(() -> driver("Standard_D4s_v3", needy))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage("train on c: Standard_D4s_v3 has 16 GB of memory, not 32")
        .extracting(e -> ((InvalidSettingException) e).key())
        .isEqualTo("requires");
    assertThat(driver("Standard_E4s_v3", needy).durationFactor()).isEqualTo(1);
  }
}
