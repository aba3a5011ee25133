package io.capsim.report;

import io.capsim.compute.Metric;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import io.capsim.experiment.ResultsWriter;
import io.capsim.experiment.WriteFailure;
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
import java.util.Optional;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Builds a finished run's report from its files alone ({@code scenario.resolved.yaml} and {@code
 * replications.csv}), so {@code capsim report} can rebuild it without simulating: {@code
 * recommendation.yaml}, {@code charts/*.png} and {@code report.html}, each written atomically.
 */
public final class Report {
  private Report() {}

  /**
   * Writes the report into {@code outDir}, recommending what the run's files say, and returns the
   * recommendation.
   */
  public static Recommendation write(Path outDir, String version) {
    return write(outDir, version, Optional.empty());
  }

  /**
   * Writes the report into {@code outDir} with {@code recommendation}, the one the run computed
   * from its results at full precision (the files hold six decimals, which near a tie could name
   * another winner); without one, recommends what the files say.
   */
  public static Recommendation write(
      Path outDir, String version, Optional<Recommendation> recommendation) {
    return write(outDir, outDir, version, recommendation);
  }

  /**
   * Writes the report into {@code outDir}, a folder that will become {@code finalDir} once the run
   * is whole: the report names the files where they will be.
   */
  public static Recommendation write(
      Path outDir, Path finalDir, String version, Optional<Recommendation> recommendation) {
    Scenario scenario = ScenarioLoader.load(outDir.resolve("scenario.resolved.yaml"));
    MetricTable table = ReplicationsCsv.read(outDir.resolve("replications.csv"), scenario);
    return write(
        outDir,
        version,
        finalDir.resolve("scenario.resolved.yaml"),
        scenario,
        table,
        recommendation.orElseGet(() -> Recommendation.of(scenario, table)));
  }

  /**
   * Writes the report of a run still in memory into {@code outDir} (which becomes {@code
   * finalDir}), with its scenario as the run has it, so that no trace is read again, and its
   * recommendation; the numbers are read from the run's files, as {@code capsim report} reads them,
   * so that rebuilding the report gives the same bytes.
   */
  public static void write(
      Path outDir,
      Path finalDir,
      String version,
      Scenario scenario,
      Recommendation recommendation) {
    MetricTable table = ReplicationsCsv.read(outDir.resolve("replications.csv"), scenario);
    write(
        outDir,
        version,
        finalDir.resolve("scenario.resolved.yaml"),
        scenario,
        table,
        recommendation);
  }

  private static Recommendation write(
      Path outDir,
      String version,
      Path resolved,
      Scenario scenario,
      MetricTable table,
      Recommendation recommendation) {
    String recommendationYaml = AzureMlYaml.of(scenario, recommendation);
    ResultsWriter.writeAtomically(
        outDir.resolve("recommendation.yaml"), w -> w.write(recommendationYaml));
    writeComputeFiles(
        outDir.resolve("recommendation"), AzureMlYaml.files(scenario, recommendation));
    Map<String, byte[]> charts = new LinkedHashMap<>();
    // The charts against waits need computes that run jobs; the others hold for every compute.
    boolean waitMetrics = table.metrics().contains(Metric.WAIT_P95_S);
    if (waitMetrics) {
      chart(
          outDir,
          charts,
          "cost-vs-wait.png",
          "Cost against p95 wait, with 95 % error bars and the Pareto frontier",
          Charts.costVersusWait(table, recommendation));
    }
    chart(
        outDir,
        charts,
        "cost-waterfall.png",
        "The cost waterfall: where each point's money goes",
        Charts.costWaterfall(table, recommendation));
    if (waitMetrics) {
      Charts.breakEven(scenario, table, recommendation)
          .ifPresent(
              png ->
                  chart(
                      outDir,
                      charts,
                      "break-even.png",
                      "Break-even: cost and p95 wait against the idle timeout, through the"
                          + " recommended point",
                      png));
    }
    Path timeline = outDir.resolve("timeline.csv");
    if (Files.isRegularFile(timeline)) {
      chart(
          outDir,
          charts,
          "timeline.png",
          "Nodes and queued jobs over the first week after"
              + " warm-up, recommended and baseline (replication 0)",
          Charts.timeline(readWithStrings(timeline), scenario.start(), scenario.timezone()));
    }
    Path waits = outDir.resolve("waits.csv");
    if (Files.isRegularFile(waits)) {
      chart(
          outDir,
          charts,
          "wait-cdf.png",
          "Distribution of waits, recommended and baseline (replication 0)",
          Charts.waitCdf(readWithStrings(waits)));
    }
    String yaml = read(outDir.resolve("scenario.resolved.yaml"));
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
            new HtmlReport.Provenance(version, sha256(yaml), command, yaml, recommendationYaml));
    ResultsWriter.writeAtomically(outDir.resolve("report.html"), w -> w.write(html));
    return recommendation;
  }

  /**
   * One file per recommended compute, each one {@code az ml compute create --file} takes; files of
   * an earlier run's computes are removed, so the folder holds this recommendation only.
   */
  private static void writeComputeFiles(Path folder, Map<String, String> files) {
    try {
      Files.createDirectories(folder);
      try (var old = Files.list(folder)) {
        for (Path file : old.toList()) {
          String name = file.getFileName().toString();
          if (name.endsWith(".yaml")
              && !files.containsKey(name.substring(0, name.length() - ".yaml".length()))) {
            Files.delete(file);
          }
        }
      }
    } catch (IOException e) {
      throw new WriteFailure(folder, e);
    }
    files.forEach(
        (compute, yaml) ->
            ResultsWriter.writeAtomically(folder.resolve(compute + ".yaml"), w -> w.write(yaml)));
  }

  private static void chart(
      Path outDir, Map<String, byte[]> charts, String file, String title, byte[] png) {
    ResultsWriter.writeAtomically(outDir.resolve("charts").resolve(file), png);
    charts.put(title, png);
  }

  /** A captured run's CSV, its series and compute names read as text whatever they look like. */
  private static Table readWithStrings(Path csv) {
    return Table.read()
        .csv(
            CsvReadOptions.builder(csv.toFile())
                .columnTypesPartial(
                    Map.of("compute", ColumnType.STRING, "series", ColumnType.STRING))
                .build());
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
