package io.capsim.report;

import io.capsim.compute.Metric;
import io.capsim.experiment.MetricTable;
import io.capsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Reads a finished run's {@code replications.csv} back, through Tablesaw, into its metrics. */
public final class ReplicationsCsv {
  private ReplicationsCsv() {}

  /** The metrics of every run in {@code replicationsCsv}, written by a run of {@code scenario}. */
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
    List<Metric> metrics =
        Arrays.stream(Metric.values()).filter(m -> csv.containsColumn(m.key())).toList();
    MetricTable table =
        MetricTable.empty(computes, metrics, scenario.points().size(), scenario.replications());
    for (Row row : csv) {
      for (Metric metric : metrics) {
        table.set(
            row.getInt("point"),
            row.getInt("replication"),
            row.getString("compute"),
            metric,
            row.getNumber(metric.key()));
      }
    }
    return table;
  }
}
