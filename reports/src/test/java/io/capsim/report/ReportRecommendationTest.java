package io.capsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.Metric;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import io.capsim.experiment.RunResults;
import io.capsim.experiment.Runner;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished run's files give back its metrics, and the report names the recommendation the run
 * computed rather than one recomputed from the six-decimal files.
 */
class ReportRecommendationTest {
  private static Scenario scenario;
  private static MetricTable table;

  @BeforeAll
  static void run() throws Exception {
    scenario = ScenarioLoader.load(Path.of("../scenarios/examples/quickstart.yaml")).with(4, 42);
    table = MetricTable.of(new Runner(2).run(scenario, done -> {}));
  }

  @Test
  void replicationsCsv_readBackThroughTablesaw_givesTheSameValues(@TempDir Path temp)
      throws Exception {
    RunResults results = new Runner(1).run(scenario, done -> {});
    Path csv = temp.resolve("replications.csv");
    ResultTables.write(ResultTables.replications(results), csv);
    MetricTable read = ReplicationsCsv.read(csv, scenario);
    MetricTable memory = MetricTable.of(results);
    for (int p = 0; p < memory.points(); p++) {
      for (int r = 0; r < memory.replications(); r++) {
        for (Metric metric : Metric.values()) {
          assertThat(read.value(p, r, "cpu-cluster", metric))
              .as("%d %d %s", p, r, metric)
              .isCloseTo(memory.value(p, r, "cpu-cluster", metric), within(1e-6));
        }
      }
    }
  }

  @Test
  void report_namesTheRecommendationTheRunComputed_notARecomputedOne(@TempDir Path dir)
      throws Exception {
    RunResults results = new Runner(2).run(scenario, done -> {});
    ResultTables.write(ResultTables.replications(results), dir.resolve("replications.csv"));
    Files.writeString(
        dir.resolve("scenario.resolved.yaml"),
        io.capsim.scenario.ResolvedScenario.toYaml(scenario, "test"));
    Recommendation fromFiles = Report.write(dir, "test");
    assertThat(fromFiles.winner()).isEqualTo(Recommendation.of(scenario, table).winner());
    int other = fromFiles.winner() == 0 ? 1 : 0;
    Recommendation given =
        new Recommendation(
            fromFiles.objective(),
            other,
            true,
            fromFiles.meetingConstraints(),
            java.util.List.of(),
            fromFiles.baseline(),
            fromFiles.savings());
    assertThat(Report.write(dir, "test", java.util.Optional.of(given))).isSameAs(given);
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("Recommended: <b>point " + other + "</b>")
        .contains("Costs cover 13d, the horizon less the warm-up")
        .contains("<th>per month (730 h), USD</th>")
        .contains("<h2>Where the money goes</h2>")
        .contains(constraintLine(other))
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "<td>0</td><td class=\"n\">%,.2f</td><td class=\"n\">%,.2f</td>",
                table.totalTally(0, Metric.COST_PRODUCTIVE_USD).mean(),
                table.totalTally(0, Metric.COST_PROVISIONING_USD).mean()))
        .contains(
            String.format(
                java.util.Locale.ROOT,
                "<td class=\"n\">%,.0f</td>",
                table.totalTally(0, Metric.COST_USD).mean() * 730 / (13 * 24)));
  }

  @Test
  void report_whenNothingMeetsTheConstraints_saysSoPlainly(@TempDir Path dir) throws Exception {
    RunResults results = new Runner(2).run(scenario, done -> {});
    ResultTables.write(ResultTables.replications(results), dir.resolve("replications.csv"));
    Files.writeString(
        dir.resolve("scenario.resolved.yaml"),
        io.capsim.scenario.ResolvedScenario.toYaml(scenario, "test"));
    Recommendation computed = Recommendation.of(scenario, table);
    Recommendation infeasible =
        new Recommendation(
            computed.objective(),
            computed.winner(),
            false,
            java.util.List.of(),
            java.util.List.of(),
            computed.baseline(),
            computed.savings());
    Report.write(dir, "test", java.util.Optional.of(infeasible));
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("<b>No point meets the constraints</b> at the 95 % upper bound; the closest is")
        .doesNotContain("statistical noise")
        .doesNotContain("Statistically indistinguishable");
  }

  /** What the answer says of point {@code p}'s p95 wait, computed here from the run's table. */
  private static String constraintLine(int p) {
    io.capsim.engine.stat.Tally wait = table.tally(p, "cpu-cluster", Metric.WAIT_P95_S);
    double upper = wait.mean() + wait.halfWidth95();
    return String.format(
        java.util.Locale.ROOT,
        "<li><code>wait_p95 &lt;= 10m</code>: cpu-cluster %.1f min, 95 %% upper bound %.1f min, %s"
            + " 10.0 min</li>",
        wait.mean() / 60,
        upper / 60,
        upper <= 600 ? "within" : "<b>not within</b>");
  }
}
