package io.capsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.Metric;
import io.capsim.cost.CostBucket;
import io.capsim.experiment.JobSink;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.RunExecutor;
import io.capsim.experiment.RunOutput;
import io.capsim.experiment.RunResults;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The result tables follow the metric set of the run, not a fixed record: when the computes report
 * no jobs (as a request-serving endpoint will not), summary.csv and replications.csv have no job
 * columns, reading replications.csv back gives the metrics it holds, and the report draws no chart
 * and no column against waits.
 */
class MetricSetTablesTest {
  @Test
  void computesWithoutJobs_giveTablesWithoutJobColumns(@TempDir Path dir) throws Exception {
    Scenario scenario =
        ScenarioLoader.load(Path.of("../scenarios/examples/quickstart.yaml")).with(2, 1);
    RunExecutor noJobs =
        (s, tasks, jobs, onRunDone) ->
            tasks.stream()
                .map(
                    task ->
                        new RunOutput(
                            Map.of(
                                "cpu-cluster",
                                new ComputeStats(
                                    "cpu-cluster",
                                    Map.of(CostBucket.PRODUCTIVE, 1.0 + task.point()),
                                    1.0 + task.point(),
                                    4,
                                    2,
                                    0.5,
                                    3,
                                    null))))
                .toList();
    RunResults results = RunResults.of(scenario, noJobs, JobSink.NONE, done -> {});
    assertThat(results.metrics()).doesNotContain(Metric.WAIT_P95_S, Metric.JOBS_SUBMITTED);

    Path summary = dir.resolve("summary.csv");
    ResultTables.write(ResultTables.summary(results), summary);
    String header = Files.readAllLines(summary).get(0);
    assertThat(header).contains("cost_usd,cost_usd_ci95", "peak_nodes").doesNotContain("wait_");

    Path replications = dir.resolve("replications.csv");
    ResultTables.write(ResultTables.replications(results), replications);
    MetricTable read = ReplicationsCsv.read(replications, scenario);
    assertThat(read.metrics()).isEqualTo(results.metrics());
    assertThat(read.value(2, 1, "cpu-cluster", Metric.COST_USD)).isEqualTo(3.0);
    assertThat(read.value(2, 1, "cpu-cluster", Metric.WAIT_P95_S)).isNaN();

    // The report follows too: no chart and no column against waits there are none of.
    Files.writeString(
        dir.resolve("scenario.resolved.yaml"),
        io.capsim.scenario.ResolvedScenario.toYaml(scenario, "test"));
    Report.write(dir, "test");
    assertThat(dir.resolve("charts/cost-waterfall.png")).exists();
    assertThat(dir.resolve("charts/cost-vs-wait.png")).doesNotExist();
    assertThat(dir.resolve("charts/break-even.png")).doesNotExist();
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("<th>cost, USD</th><th>per month (730 h), USD</th><th>utilisation</th>")
        .doesNotContain("p95 wait, s");
  }
}
