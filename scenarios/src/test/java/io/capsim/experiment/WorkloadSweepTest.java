package io.capsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.Metric;
import io.capsim.scenario.ComputeDef;
import io.capsim.scenario.ResolvedScenario;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import io.capsim.scenario.yaml.ScenarioException;
import io.capsim.workload.ArrivalProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A workload's keys as sweep dimensions: choosing its compute makes each point simulate one of the
 * alternatives (and never the other's cost), its rate and instance count change its jobs.
 */
class WorkloadSweepTest {
  private static final String SCENARIO =
      """
      name: alternatives
      region: eastus
      horizon: 3d
      warmup: 6h
      seed: 3
      replications: 3
      computes:
        - {name: sl, type: serverless, instance_type: Standard_D4s_v3}
        - {name: cpu, type: amlcompute, size: Standard_D4s_v3, max_instances: 2}
        - {name: other, type: amlcompute, size: Standard_D4s_v3, max_instances: 1}
      workloads:
        - name: jobs
          compute: sl
          arrivals: {process: poisson, rate: 30/day}
          duration: {dist: exponential, mean: 40m}
        - name: background
          compute: other
          arrivals: {process: poisson, rate: 6/day}
          duration: 1h
      """;

  private static Scenario parse(String yaml) {
    return ScenarioLoader.parse(
        "alternatives.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("."));
  }

  private static ComputeStats at(Map<String, ComputeStats> run, String compute) {
    return java.util.Objects.requireNonNull(run.get(compute), compute);
  }

  /** A point's computes' settings, without where the file wrote them. */
  private static java.util.List<String> settings(Scenario.Point point) {
    return point.computes().stream()
        .map(def -> def.toString().replaceFirst(", node=YamlMap\\[.*", ""))
        .toList();
  }

  private static final String ALTERNATIVES =
      SCENARIO + "sweep:\n  jobs.compute: [sl, cpu]\n  cpu.max_instances: [2, 4]\n";

  @Test
  void sweepingAWorkloadsCompute_makesOnePointPerAlternative_andDropsTheKeysThatDoNotApply() {
    Scenario s = parse(ALTERNATIVES);
    assertThat(s.points()).hasSize(3);
    assertThat(s.points().get(0).values())
        .containsExactly(
            Map.entry("jobs.compute", "sl"),
            Map.entry("cpu.max_instances", Scenario.Point.NOT_APPLICABLE));
    assertThat(s.points().get(2).values())
        .containsExactly(Map.entry("jobs.compute", "cpu"), Map.entry("cpu.max_instances", "4"));
    assertThat(s.points())
        .extracting(p -> p.computes().stream().map(ComputeDef::name).toList())
        .containsExactly(
            java.util.List.of("sl", "other"),
            java.util.List.of("cpu", "other"),
            java.util.List.of("cpu", "other"));
    assertThat(s.points().get(1).workloads().get(0).compute()).isEqualTo("cpu");
    assertThat(s.points().get(0).describe()).isEqualTo("jobs.compute = sl");
    assertThat(s.notes()).anyMatch(n -> n.contains("4 combinations make 3 distinct points"));
  }

  @Test
  void theWorkloadsOwnCompute_isAnAlternativeToo_andAComputeKeyMayComeFirst() {
    // Swept to cpu only: sl, the compute the file gives, is the alternative left out everywhere.
    Scenario s = parse(SCENARIO + "sweep:\n  cpu.max_instances: [2, 4]\n  jobs.compute: [cpu]\n");
    assertThat(s.points())
        .extracting(p -> p.computes().stream().map(ComputeDef::name).toList())
        .containsExactly(java.util.List.of("cpu", "other"), java.util.List.of("cpu", "other"));
    Scenario first =
        parse(SCENARIO + "sweep:\n  cpu.max_instances: [2, 4]\n  jobs.compute: [sl, cpu]\n");
    assertThat(first.points()).hasSize(3);
    assertThat(first.points().get(0).values())
        .containsExactly(
            Map.entry("cpu.max_instances", Scenario.Point.NOT_APPLICABLE),
            Map.entry("jobs.compute", "sl"));
  }

  @Test
  void aPointCostsWhatItsOwnComputesCost_asTheSameScenarioWithoutTheAlternative() throws Exception {
    RunResults swept = new Runner(2).run(parse(ALTERNATIVES), done -> {});
    // The independent path: the cluster alone, written as a scenario with no sweep.
    RunResults alone =
        new Runner(2).run(parse(SCENARIO.replace("compute: sl\n", "compute: cpu\n")), done -> {});
    MetricTable table = MetricTable.of(swept);
    for (int r = 0; r < 3; r++) {
      Map<String, ComputeStats> point1 = swept.run(1, r);
      Map<String, ComputeStats> single = alone.run(0, r);
      assertThat(point1.keySet()).containsExactly("cpu", "other");
      assertThat(at(point1, "cpu")).isEqualTo(at(single, "cpu"));
      assertThat(at(point1, "other")).isEqualTo(at(single, "other"));
      double expected =
          Metric.COST_USD.of(at(single, "cpu")) + Metric.COST_USD.of(at(single, "other"));
      assertThat(table.total(1, r, Metric.COST_USD)).isEqualTo(expected).isPositive();
      // The same jobs on either alternative: the workload's streams do not depend on the point.
      assertThat(Metric.JOBS_SUBMITTED.of(at(swept.run(0, r), "sl")))
          .isEqualTo(Metric.JOBS_SUBMITTED.of(at(point1, "cpu")))
          .isPositive();
    }
    assertThat(table.computes()).containsExactly("sl", "cpu", "other");
    assertThat(table.computes(0)).containsExactly("sl", "other");
    assertThat(table.tally(0, "cpu", Metric.COST_USD).mean()).isNaN();
  }

  @Test
  void theBaseline_leavesOutTheKeysOfComputesItsPointDoesNotUse() {
    assertThat(parse(ALTERNATIVES + "baseline: {jobs.compute: sl}\n").baselinePoint()).isZero();
    assertThat(
            parse(ALTERNATIVES + "baseline: {jobs.compute: cpu, cpu.max_instances: 4}\n")
                .baselinePoint())
        .isEqualTo(2);
    assertThatThrownBy(() -> parse(ALTERNATIVES + "baseline: {jobs.compute: cpu}\n"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("less those of a compute the point leaves out");
  }

  @Test
  void theResolvedScenario_readsBackToTheSamePoints() {
    Scenario s = parse(ALTERNATIVES + "baseline: {jobs.compute: cpu, cpu.max_instances: 4}\n");
    Scenario again = parse(ResolvedScenario.toYaml(s, "test"));
    assertThat(again.points())
        .extracting(Scenario.Point::values)
        .isEqualTo(s.points().stream().map(Scenario.Point::values).toList());
    assertThat(again.points())
        .extracting(WorkloadSweepTest::settings)
        .isEqualTo(s.points().stream().map(WorkloadSweepTest::settings).toList());
    assertThat(again.baselinePoint()).isEqualTo(2);
  }

  @Test
  void sweepingTheRateAndTheInstanceCount_changesTheJobs() throws Exception {
    Scenario s =
        parse(
            SCENARIO.replace("compute: sl\n", "compute: cpu\n")
                + "sweep:\n  jobs.arrivals.rate: [10/day, 40/day]\n  jobs.instance_count: [1, 2]\n");
    assertThat(s.points()).hasSize(4);
    assertThat(s.notes()).noneMatch(n -> n.contains("distinct points"));
    assertThat(
            s.points().stream()
                .map(p -> ((ArrivalProcess.Poisson) p.workloads().get(0).arrivals()).perSecond())
                .toList())
        .containsExactly(10 / 86400.0, 10 / 86400.0, 40 / 86400.0, 40 / 86400.0);
    assertThat(s.points())
        .extracting(p -> p.workloads().get(0).instanceCount())
        .containsExactly(1, 2, 1, 2);
    // The other workload is the one written, untouched.
    assertThat(s.points().get(3).workloads().get(1)).isSameAs(s.workloads().get(1));
    RunResults results = new Runner(2).run(s, done -> {});
    double slow = Metric.JOBS_SUBMITTED.of(at(results.run(0, 0), "cpu"));
    double fast = Metric.JOBS_SUBMITTED.of(at(results.run(2, 0), "cpu"));
    assertThat(fast / slow).isBetween(3.0, 5.5);
    // Two nodes a job on a cluster of two: busier nodes, at the same rate.
    assertThat(Metric.BUSY_NODE_HOURS.of(at(results.run(1, 0), "cpu")))
        .isGreaterThan(1.5 * Metric.BUSY_NODE_HOURS.of(at(results.run(0, 0), "cpu")));
  }
}
