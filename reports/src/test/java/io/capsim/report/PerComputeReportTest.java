package io.capsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.Metric;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import io.capsim.experiment.RunResults;
import io.capsim.experiment.Runner;
import io.capsim.report.html.HtmlReport;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Points of several computes, and points that choose between computes: the report shows each
 * compute's own cost, and a finished run's files give back which computes each point had.
 */
class PerComputeReportTest {
  private static Scenario load(String example) {
    return ScenarioLoader.load(Path.of("../scenarios/examples/" + example)).with(2, 9);
  }

  private static String render(
      Scenario scenario, MetricTable table, Recommendation rec, String recommendationYaml) {
    return HtmlReport.render(
        scenario,
        table,
        rec,
        Map.of(),
        new HtmlReport.Provenance("v", "sha", "cmd", "yaml", recommendationYaml));
  }

  @Test
  void replicationsCsv_givesBackEachPointsOwnComputes(@TempDir Path dir) throws Exception {
    Scenario scenario = load("serverless-vs-cluster.yaml");
    RunResults results = new Runner(2).run(scenario, done -> {});
    Path csv = dir.resolve("replications.csv");
    ResultTables.write(ResultTables.replications(results), csv);
    MetricTable read = ReplicationsCsv.read(csv, scenario);
    MetricTable memory = MetricTable.of(results);
    assertThat(read.computes()).containsExactly("serverless-a100", "cluster-a100");
    for (int p = 0; p < memory.points(); p++) {
      assertThat(read.computes(p)).isEqualTo(memory.computes(p)).hasSize(1);
      for (int r = 0; r < 2; r++) {
        assertThat(read.total(p, r, Metric.COST_USD))
            .isCloseTo(memory.total(p, r, Metric.COST_USD), within(1e-6));
      }
    }
    assertThat(read.computes(0)).containsExactly("serverless-a100");
    assertThat(read.computes(1)).containsExactly("cluster-a100");
  }

  @Test
  void theUnitCosts_areThePriceOfANodeHour_perJob_andPerGpuHourOfWork() throws Exception {
    Scenario scenario = load("gpu-training.yaml");
    MetricTable table = MetricTable.of(new Runner(2).run(scenario, done -> {}));
    Recommendation rec = Recommendation.of(scenario, table);
    String html = render(scenario, table, rec, "name: the-yaml-given");
    assertThat(html.substring(html.indexOf("<h2>The answer"), html.indexOf("<h2>Every")))
        .contains("<pre>name: the-yaml-given</pre>");
    String units = html.substring(html.indexOf("<h2>What a unit"), html.indexOf("<h2>Charts"));
    for (int p = 0; p < table.points(); p++) {
      var def = scenario.points().get(p).computes().get(0);
      double cost = table.tally(p, def.name(), Metric.COST_USD).mean();
      double gpus = scenario.catalog().size(def.size()).gpus();
      assertThat(gpus).isPositive();
      String row =
          String.format(
              Locale.ROOT,
              "<td>%d</td><td>%s</td><td>%s, dedicated</td><td class=\"n\">%,.4f</td>"
                  + "<td class=\"n\">%,.2f</td><td class=\"n\">%,.2f</td>",
              p,
              def.name(),
              def.size(),
              scenario.pricing().nodePerHourUsd(def.size(), def.tier()),
              cost / table.tally(p, def.name(), Metric.JOBS_COMPLETED).mean(),
              cost / (gpus * table.tally(p, def.name(), Metric.BUSY_NODE_HOURS).mean()));
      assertThat(units).as("point %d", p).contains(row);
    }
    // The NC24s_v3 (4 V100s) is $12.24 an hour in eastus in ../shared/data/vms.csv.
    assertThat(units).contains("Standard_NC24s_v3, dedicated</td><td class=\"n\">12.2400</td>");
  }

  @Test
  void theReportsAssumptions_listTheScenariosNotes() throws Exception {
    Scenario scenario = load("serverless-vs-cluster.yaml");
    MetricTable table = MetricTable.of(new Runner(2).run(scenario, done -> {}));
    String html = render(scenario, table, Recommendation.of(scenario, table), "# recommendation");
    String assumptions = html.substring(html.indexOf("<h2>Assumptions"));
    assertThat(scenario.notes()).isNotEmpty();
    for (String note : scenario.notes()) {
      assertThat(assumptions).contains("<li>" + note + "</li>");
    }
  }

  @Test
  void aPointOfSeveralComputes_hasARowPerComputeWithItsOwnCost() throws Exception {
    Scenario scenario =
        ScenarioLoader.load(Path.of("../scenarios/src/test/resources/two-computes-per-point.yaml"))
            .with(2, 9);
    MetricTable table = MetricTable.of(new Runner(2).run(scenario, done -> {}));
    Recommendation rec = Recommendation.of(scenario, table);
    String html = render(scenario, table, rec, "# recommendation");
    String points = html.substring(html.indexOf("<h2>Every point"), html.indexOf("<h2>Where"));
    assertThat(table.computes(0)).hasSize(2);
    for (int p = 0; p < table.points(); p++) {
      for (String compute : table.computes(p)) {
        String row =
            "<tr class=\"part\"><td></td><td></td><td>"
                + compute
                + "</td><td class=\"n\">"
                + String.format(
                    Locale.ROOT, "%,.2f", table.tally(p, compute, Metric.COST_USD).mean())
                + " ± ";
        assertThat(points).as("point %d, %s", p, compute).contains(row);
      }
    }
    assertThat(points.split("<tr class=\"part\">", -1)).hasSize(2 * table.points() + 1);
  }
}
