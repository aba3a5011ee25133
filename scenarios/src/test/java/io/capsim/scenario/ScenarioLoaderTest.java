package io.capsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.ComputeStats;
import io.capsim.experiment.ScenarioModel;
import io.capsim.scenario.trace.TraceReader;
import io.capsim.workload.Trace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** What valid scenario files turn into: defaults, traces as distributions, Azure's names. */
class ScenarioLoaderTest {
  private static final Path EXAMPLES = Path.of("examples");

  private static Scenario parse(String yaml) {
    return ScenarioLoader.parse("test.yaml", yaml.getBytes(StandardCharsets.UTF_8), EXAMPLES);
  }

  private static final String HEAD =
      """
      name: t
      region: eastus
      horizon: 7d
      computes:
        - {name: cpu, type: amlcompute, size: Standard_D4s_v3, max_instances: 8}
      workloads:
        - name: jobs
          compute: cpu
          arrivals: {process: poisson, rate: 20/day}
      """;

  @Test
  void defaults_areAzures() {
    Scenario s = parse(HEAD + "    duration: 1h\n");
    ComputeDef.Cluster cluster = (ComputeDef.Cluster) s.points().get(0).computes().get(0);
    assertThat(cluster.spec().minInstances()).isZero();
    assertThat(cluster.spec().idleTimeBeforeScaleDownSeconds()).isEqualTo(120);
    assertThat(s.replications()).isEqualTo(10);
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.warmupMicros()).isZero();
    assertThat(s.workloads().get(0).referenceSize()).isEqualTo("Standard_D4s_v3");
  }

  @Test
  void empiricalFromATrace_resamplesTheTracesDurations() throws Exception {
    Scenario s =
        parse(
            HEAD
                + "    duration: {dist: empirical, from: {trace:"
                + " traces/KTH-SP2-1996-2.1-cln.swf.gz, format: swf}}\n");
    Trace kth =
        TraceReader.read(
            EXAMPLES.resolve("traces/KTH-SP2-1996-2.1-cln.swf.gz"),
            TraceReader.Format.SWF,
            new TraceReader.Options(1, 1, Map.of()));
    double traceMean = Arrays.stream(kth.durationSeconds()).average().orElseThrow();
    assertThat(s.workloads().get(0).durationSeconds().mean()).isCloseTo(traceMean, within(1e-6));
    Map<String, ComputeStats> run = ScenarioModel.run(s, s.points().get(0), 0);
    assertThat(Objects.requireNonNull(run.get("cpu")).jobs().jobsSubmitted()).isPositive();
  }

  @Test
  void idleTimeBeforeScaleDown_takesAzuresWholeSeconds_orADurationWithItsUnit_swept_too() {
    String tenMinutes =
        HEAD.replace("max_instances: 8}", "max_instances: 8, idle_time_before_scale_down: 10m}")
            + "    duration: 1h\n";
    Scenario s = parse(tenMinutes + "sweep:\n  cpu.idle_time_before_scale_down: [90, 2h]\n");
    assertThat(s.points())
        .extracting(p -> ((ComputeDef.Cluster) p.computes().get(0)).spec())
        .extracting(spec -> spec.idleTimeBeforeScaleDownSeconds())
        .containsExactly(90L, 7200L);
    Scenario unswept = parse(tenMinutes);
    ComputeDef.Cluster cluster = (ComputeDef.Cluster) unswept.points().get(0).computes().get(0);
    assertThat(cluster.spec().idleTimeBeforeScaleDownSeconds()).isEqualTo(600);
    assertThat(ResolvedScenario.toYaml(unswept, "test"))
        .contains("idle_time_before_scale_down: 600");
  }

  @Test
  void quotaFamilies_takeCapsimsSeriesOrAzuresQuotaNames_inAnyCase() {
    Scenario s =
        parse(
            HEAD.replace(
                    "computes:",
                    "quota:\n  dedicated: {standardDSv3Family: 8, standardNCADSA100v4Family: 96,"
                        + " fsv2: 16}\ncomputes:")
                + "    duration: 1h\n");
    assertThat(s.dedicatedQuotaVcpus())
        .containsExactly(
            java.util.Map.entry("Ds_v3", 8),
            java.util.Map.entry("NCads_A100_v4", 96),
            java.util.Map.entry("Fs_v2", 16));
    assertThat(ResolvedScenario.toYaml(s, "test")).contains("Ds_v3: 8");
  }

  @Test
  void baseline_namesOneSweepPoint() {
    Scenario s =
        parse(
            HEAD
                + "    duration: 1h\nsweep:\n  cpu.max_instances: [2, 4, 8]\n"
                + "  cpu.idle_time_before_scale_down: [120, 600]\n"
                + "baseline: {cpu.max_instances: 4, cpu.idle_time_before_scale_down: 600}\n");
    assertThat(s.baselinePoint()).isEqualTo(3);
    assertThat(s.points().get(3).values())
        .containsEntry("cpu.max_instances", "4")
        .containsEntry("cpu.idle_time_before_scale_down", "600");
  }

  @Test
  void subSecondDurations_keepTheirMicroseconds_andRoundTripThroughTheResolvedScenario() {
    Scenario s =
        parse(
            HEAD.replace("max_instances: 8}", "max_instances: 8, scale_down_time: 500ms}")
                + "    duration: 1h\n    checkpoint_interval: 1.5s\n");
    ComputeDef.Cluster cluster = (ComputeDef.Cluster) s.points().get(0).computes().get(0);
    assertThat(cluster.spec().scaleDownMicros()).isEqualTo(500_000);
    assertThat(s.workloads().get(0).checkpointIntervalMicros()).isEqualTo(1_500_000);
    String resolved = ResolvedScenario.toYaml(s, "test");
    assertThat(resolved).contains("scale_down_time: 500ms").contains("checkpoint_interval: 1500ms");
  }
}
