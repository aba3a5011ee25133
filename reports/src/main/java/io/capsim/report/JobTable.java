package io.capsim.report;

import io.capsim.experiment.JobRecord;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The per-job table ({@code capsim run --jobs}) as a Tablesaw table; {@link JobCsvFile} writes it.
 */
public final class JobTable {
  private JobTable() {}

  public static Table of(List<JobRecord> jobs) {
    Table table =
        Table.create(
            "jobs",
            IntColumn.create("point"),
            IntColumn.create("replication"),
            StringColumn.create("compute"),
            StringColumn.create("workload"),
            LongColumn.create("job"),
            IntColumn.create("instance_count"),
            DoubleColumn.create("submitted_s"),
            DoubleColumn.create("started_s"),
            DoubleColumn.create("finished_s"),
            DoubleColumn.create("wait_s"),
            StringColumn.create("outcome"));
    for (JobRecord job : jobs) {
      table.intColumn("point").append(job.point());
      table.intColumn("replication").append(job.replication());
      table.stringColumn("compute").append(job.compute());
      table.stringColumn("workload").append(job.workload());
      table.longColumn("job").append(job.job());
      table.intColumn("instance_count").append(job.instanceCount());
      table.doubleColumn("submitted_s").append(job.submittedSeconds());
      table.doubleColumn("started_s").append(job.startedSeconds());
      table.doubleColumn("finished_s").append(job.finishedSeconds());
      table.doubleColumn("wait_s").append(job.waitSeconds());
      table.stringColumn("outcome").append(job.outcome());
    }
    ResultTables.useRootFormats(table);
    return table;
  }
}
