package io.capsim.report;

import io.capsim.experiment.ResultsWriter;
import io.capsim.report.chart.Charts;
import io.capsim.report.html.HtmlReport;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a finished run's report from its files alone ({@code scenario.resolved.yaml} and {@code
 * replications.csv}), so {@code capsim report} can rebuild it without simulating: {@code
 * recommendation.yaml}, {@code charts/*.png} and {@code report.html}, each written atomically.
 */
public final class Report {
  private Report() {}

  /** Writes the report into {@code outDir} and returns the recommendation. */
  public static Recommendation write(Path outDir, String version) {
    Path resolved = outDir.resolve("scenario.resolved.yaml");
    Scenario scenario = ScenarioLoader.load(resolved);
    MetricTable table = MetricTable.read(outDir.resolve("replications.csv"), scenario);
    Recommendation recommendation = Recommendation.of(scenario, table);
    ResultsWriter.writeAtomically(
        outDir.resolve("recommendation.yaml"),
        w -> w.write(AzureMlYaml.of(scenario, recommendation)));
    Map<String, byte[]> charts = new LinkedHashMap<>();
    charts.put(
        "Cost against p95 wait, with 95 % error bars and the Pareto frontier",
        Charts.costVersusWait(table, recommendation));
    charts.put("The cost waterfall: where each point's money goes", Charts.costWaterfall(table));
    ResultsWriter.writeAtomically(
        outDir.resolve("charts/cost-vs-wait.png"), charts.values().toArray(byte[][]::new)[0]);
    ResultsWriter.writeAtomically(
        outDir.resolve("charts/cost-waterfall.png"), charts.values().toArray(byte[][]::new)[1]);
    String yaml = read(resolved);
    String command =
        "capsim run "
            + resolved
            + " --seed "
            + scenario.seed()
            + " --replications "
            + scenario.replications();
    String html =
        HtmlReport.render(
            scenario,
            table,
            recommendation,
            charts,
            new HtmlReport.Provenance(version, sha256(yaml), command, yaml));
    ResultsWriter.writeAtomically(outDir.resolve("report.html"), w -> w.write(html));
    return recommendation;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
