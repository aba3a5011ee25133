package io.capsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.Metric;
import io.capsim.engine.model.ErlangC;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Runs are right where theory has an answer: a scenario file describing an M/M/4 queue reproduces
 * Erlang C. (Determinism, the resolved-scenario round trip and the golden summary are checked in
 * the reports module, which writes the CSV files.)
 */
class RunnerTest {
  @Test
  void progress_followsSimulatedTimeWithinALongRun_andAddsUpToTheRuns() throws Exception {
    // 6/min for 30 days is 259,200 jobs a run: three slices of 10 days each, the same numbers.
    Scenario scenario =
        ScenarioLoader.parse(
            "long.yaml",
            """
            name: long
            region: eastus
            horizon: 30d
            replications: 2
            computes:
              - {name: cpu, type: amlcompute, size: Standard_D4s_v3, max_instances: 100}
            workloads:
              - {name: jobs, compute: cpu, arrivals: {process: poisson, rate: 6/min}, duration: 1m}
            """
                .getBytes(StandardCharsets.UTF_8));
    java.util.List<Double> shares =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger finished =
        new java.util.concurrent.atomic.AtomicInteger();
    Progress progress =
        new Progress() {
          @Override
          public void runDone(int done) {
            finished.set(done);
          }

          @Override
          public void simulated(double fraction) {
            shares.add(fraction);
          }
        };
    RunResults sliced = new Runner(2).run(scenario, progress);
    assertThat(finished.get()).isEqualTo(2);
    assertThat(shares)
        .hasSize(6)
        .allSatisfy(f -> assertThat(f).isCloseTo(1 / 3.0, Offset.offset(1e-9)));
    assertThat(shares.stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(2, Offset.offset(1e-9));
    Objects.requireNonNull(sliced.summary(0, "cpu").get(Metric.JOBS_SUBMITTED));
  }

  @Test
  void erlangC_throughAScenarioFile() throws IOException, InterruptedException {
    Scenario scenario = ScenarioLoader.load(Path.of("src/test/resources/erlang-c.yaml"));
    RunResults results = new Runner(2).run(scenario, done -> {});
    RunResults.Summary wait =
        Objects.requireNonNull(results.summary(0, "fixed").get(Metric.WAIT_MEAN_S));
    double expected = ErlangC.meanWait(4, 3.2, 1.0) * 3600;
    assertThat(wait.mean())
        .as("mean wait %s ± %s s vs Erlang C %s s", wait.mean(), wait.halfWidth95(), expected)
        .isCloseTo(expected, Offset.offset(wait.halfWidth95()));
    assertThat(wait.halfWidth95() / expected).isLessThan(0.05);
    RunResults.Summary p95 =
        Objects.requireNonNull(results.summary(0, "fixed").get(Metric.WAIT_P95_S));
    double expectedP95 = ErlangC.waitQuantile(4, 3.2, 1.0, 0.95) * 3600;
    assertThat(p95.mean()).isCloseTo(expectedP95, Offset.offset(p95.halfWidth95()));
  }

  @Test
  void minInstancesFloor_holdsThroughNightlyGangJobs_inAScenarioFile() throws Exception {
    // The scenario of issue 8: the floor node of a D16s_v5 ($0.92/h in westeurope) was lost
    // after the first gang job, leaving 12.5 node-hours over 72 h.
    String yaml =
        """
        name: minfloor-demo
        region: westeurope
        horizon: 3d
        seed: 9
        replications: 2
        computes:
          - {name: cluster, type: amlcompute, size: Standard_D16s_v5, min_instances: 1,\
         max_instances: 4, idle_time_before_scale_down: 300}
        workloads:
          - {name: nightly, compute: cluster, arrivals: {process: cron, expression: "30 2 * * *"},\
         instance_count: 2, duration: 90m}
        """;
    Scenario scenario =
        ScenarioLoader.parse("minfloor-demo.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    RunResults results = new Runner(1).run(scenario, done -> {});
    for (int r = 0; r < 2; r++) {
      ComputeStats stats = Objects.requireNonNull(results.run(0, r).get("cluster"));
      assertThat(stats.jobs().jobsCompleted()).isEqualTo(3);
      // The floor node all 72 h, plus for each job a second node: provisioning (3 to 8 min),
      // the 90-minute job, the 300 s idle timeout.
      assertThat(stats.nodeHours())
          .isBetween(72 + 3 * (1.5 + 8 / 60.0), 72 + 3 * (1.5 + 13 / 60.0));
      assertThat(stats.totalCostUsd()).isGreaterThan(0.92 * (72 + 3 * (1.5 + 8 / 60.0)));
      assertThat(stats.peakNodes()).isEqualTo(2);
    }
  }
}
