package io.capsim.report;

import io.capsim.compute.ComputeStats;
import io.capsim.engine.stat.Tally;
import io.capsim.experiment.Metric;
import io.capsim.experiment.RunResults;
import io.capsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Every metric of every run: (sweep point, replication, compute) to value. Built from the runs in
 * memory, or read back through Tablesaw from a finished run's {@code replications.csv}, so that a
 * report can be rebuilt without simulating again.
 */
@SuppressWarnings("EnumOrdinal") // a dense array indexed by metric, in Metric's order
public final class MetricTable {
  private final List<String> computes;
  private final int replications;
  private final double[][][][] values;

  private MetricTable(List<String> computes, int points, int replications) {
    this.computes = List.copyOf(computes);
    this.replications = replications;
    this.values = new double[points][replications][computes.size()][Metric.values().length];
  }

  public static MetricTable of(RunResults results) {
    Scenario scenario = results.scenario();
    MetricTable table =
        new MetricTable(results.computes(0), scenario.points().size(), scenario.replications());
    for (int p = 0; p < scenario.points().size(); p++) {
      for (int r = 0; r < scenario.replications(); r++) {
        Map<String, ComputeStats> run = results.run(p, r);
        for (int c = 0; c < table.computes.size(); c++) {
          ComputeStats stats =
              Objects.requireNonNull(run.get(table.computes.get(c)), "every run has every compute");
          for (Metric metric : Metric.values()) {
            table.values[p][r][c][metric.ordinal()] = metric.of(stats);
          }
        }
      }
    }
    return table;
  }

  /** Reads {@code replications.csv} of a run of {@code scenario}. */
  public static MetricTable read(Path replicationsCsv, Scenario scenario) {
    Table csv =
        Table.read()
            .csv(
                CsvReadOptions.builder(replicationsCsv.toFile())
                    .columnTypesPartial(
                        Map.of(
                            "compute",
                            ColumnType.STRING,
                            "point",
                            ColumnType.INTEGER,
                            "replication",
                            ColumnType.INTEGER))
                    .build());
    List<String> computes = new ArrayList<>();
    for (String compute : csv.stringColumn("compute")) {
      if (!computes.contains(compute)) {
        computes.add(compute);
      }
    }
    MetricTable table =
        new MetricTable(computes, scenario.points().size(), scenario.replications());
    for (Row row : csv) {
      int c = computes.indexOf(row.getString("compute"));
      for (Metric metric : Metric.values()) {
        table.values[row.getInt("point")][row.getInt("replication")][c][metric.ordinal()] =
            row.getNumber(metric.key());
      }
    }
    return table;
  }

  public List<String> computes() {
    return computes;
  }

  public int points() {
    return values.length;
  }

  public int replications() {
    return replications;
  }

  public double value(int point, int replication, String compute, Metric metric) {
    return values[point][replication][computes.indexOf(compute)][metric.ordinal()];
  }

  /** The metric summed over every compute of the point, in one replication. */
  public double total(int point, int replication, Metric metric) {
    double sum = 0;
    for (double[] compute : values[point][replication]) {
      sum += compute[metric.ordinal()];
    }
    return sum;
  }

  /** The metric's values over replications for one compute. */
  public Tally tally(int point, String compute, Metric metric) {
    Tally tally = new Tally();
    for (int r = 0; r < replications; r++) {
      tally.record(value(point, r, compute, metric));
    }
    return tally;
  }

  /** The total over computes, tallied over replications. */
  public Tally totalTally(int point, Metric metric) {
    Tally tally = new Tally();
    for (int r = 0; r < replications; r++) {
      tally.record(total(point, r, metric));
    }
    return tally;
  }

  /** The paired difference {@code a - b} of the total, replication by replication. */
  public Tally pairedDifference(int a, int b, Metric metric) {
    Tally tally = new Tally();
    for (int r = 0; r < replications; r++) {
      tally.record(total(a, r, metric) - total(b, r, metric));
    }
    return tally;
  }
}
