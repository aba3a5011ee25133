package io.capsim.report;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.Metric;
import io.capsim.experiment.ResultsWriter;
import io.capsim.experiment.RunResults;
import io.capsim.scenario.Scenario;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * A run's results as Tablesaw tables: {@code summary} (per point and compute: the swept values,
 * then each metric's mean and {@code _ci95} half-width) and {@code replications} (per run). Written
 * as CSV with six decimals and ASCII digits in the root locale, so the bytes are the same on every
 * machine.
 */
public final class ResultTables {
  private ResultTables() {}

  public static Table summary(RunResults results) {
    Scenario scenario = results.scenario();
    Table table =
        Table.create("summary", IntColumn.create("point"), StringColumn.create("compute"));
    scenario.sweepKeys().forEach(key -> table.addColumns(StringColumn.create(key)));
    for (Metric metric : results.metrics()) {
      table.addColumns(
          DoubleColumn.create(metric.key()), DoubleColumn.create(metric.key() + "_ci95"));
    }
    for (Scenario.Point point : scenario.points()) {
      for (Map.Entry<String, Map<Metric, RunResults.Summary>> row :
          results.summaries(point.index()).entrySet()) {
        table.intColumn("point").append(point.index());
        table.stringColumn("compute").append(row.getKey());
        point.values().forEach((key, value) -> table.stringColumn(key).append(value));
        row.getValue()
            .forEach(
                (metric, summary) -> {
                  table.doubleColumn(metric.key()).append(summary.mean());
                  table.doubleColumn(metric.key() + "_ci95").append(summary.halfWidth95());
                });
      }
    }
    return table;
  }

  public static Table replications(RunResults results) {
    Scenario scenario = results.scenario();
    Table table =
        Table.create(
            "replications",
            IntColumn.create("point"),
            IntColumn.create("replication"),
            StringColumn.create("compute"));
    scenario.sweepKeys().forEach(key -> table.addColumns(StringColumn.create(key)));
    for (Metric metric : results.metrics()) {
      table.addColumns(DoubleColumn.create(metric.key()));
    }
    for (Scenario.Point point : scenario.points()) {
      for (int r = 0; r < scenario.replications(); r++) {
        for (Map.Entry<String, ComputeStats> run : results.run(point.index(), r).entrySet()) {
          table.intColumn("point").append(point.index());
          table.intColumn("replication").append(r);
          table.stringColumn("compute").append(run.getKey());
          point.values().forEach((key, value) -> table.stringColumn(key).append(value));
          for (Metric metric : results.metrics()) {
            table.doubleColumn(metric.key()).append(metric.of(run.getValue()));
          }
        }
      }
    }
    return table;
  }

  /**
   * Sets every number column to print as every capsim file does, whatever the default locale:
   * decimals to six places, whole numbers in ASCII digits (Tablesaw's defaults follow the default
   * locale: native digits under ar_SA, decimal commas under de). Written with print formatters.
   */
  static void useRootFormats(Table table) {
    DecimalFormat sixDecimals =
        new DecimalFormat("0.000000", DecimalFormatSymbols.getInstance(Locale.ROOT));
    for (var column : table.columnsOfType(tech.tablesaw.api.ColumnType.DOUBLE)) {
      ((DoubleColumn) column).setPrintFormatter(new NumberColumnFormatter(sixDecimals));
    }
    DecimalFormat digits = new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    for (var column : table.columnsOfType(tech.tablesaw.api.ColumnType.INTEGER)) {
      ((IntColumn) column).setPrintFormatter(new NumberColumnFormatter(digits));
    }
    for (var column : table.columnsOfType(tech.tablesaw.api.ColumnType.LONG)) {
      ((tech.tablesaw.api.LongColumn) column).setPrintFormatter(new NumberColumnFormatter(digits));
    }
  }

  /** Writes {@code table} to {@code file} as CSV, atomically, with six decimals. */
  public static void write(Table table, Path file) {
    useRootFormats(table);
    StringWriter csv = new StringWriter();
    table.write().csv(CsvWriteOptions.builder(csv).usePrintFormatters(true).build());
    ResultsWriter.writeAtomically(file, csv.toString().getBytes(StandardCharsets.UTF_8));
  }
}
