package io.capsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs are conserved in the files themselves: in replications.csv, carried in + submitted =
 * completed + failed + queued + running for every run and compute; and jobs.csv, counted along its
 * own path (a row per job as it left, or was left at the horizon), agrees with those columns.
 */
class JobConservationFilesTest {
  @TempDir Path temp;

  @Test
  void everyRunsJobs_addUp_andJobsCsvListsTheUnfinishedWithTheirState() throws Exception {
    Path dir = temp.resolve("out");
    StringWriter err = new StringWriter();
    int status =
        Main.execute(
            new String[] {
              "run",
              "../scenarios/examples/low-priority-checkpoints.yaml",
              "--replications",
              "2",
              "--jobs",
              "--no-report",
              "--out",
              dir.toString()
            },
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertThat(status).as(err.toString()).isZero();
    Map<String, Integer> unfinished = new HashMap<>();
    long carriedInSomewhere = 0;
    for (CSVRecord job : read(dir.resolve("jobs.csv"))) {
      String outcome = job.get("outcome");
      if (outcome.endsWith("at the horizon")) {
        unfinished.merge(run(job) + " " + outcome, 1, Integer::sum);
        assertThat(job.get("finished_s")).isEmpty();
      }
    }
    List<CSVRecord> runs = read(dir.resolve("replications.csv"));
    assertThat(runs).hasSize(2 * 4); // 2 replications of 4 points, each on the compute it uses
    for (CSVRecord r : runs) {
      if (r.get("jobs_submitted").isEmpty()) {
        continue; // a compute this point does not use
      }
      double in = number(r, "jobs_carried_in") + number(r, "jobs_submitted");
      double out =
          number(r, "jobs_completed")
              + number(r, "jobs_failed")
              + number(r, "jobs_queued_at_end")
              + number(r, "jobs_running_at_end");
      assertThat(in).as(run(r)).isEqualTo(out);
      carriedInSomewhere += (long) number(r, "jobs_carried_in");
      assertThat(unfinished.getOrDefault(run(r) + " queued at the horizon", 0))
          .as(run(r))
          .isEqualTo((int) number(r, "jobs_queued_at_end"));
      assertThat(unfinished.getOrDefault(run(r) + " running at the horizon", 0))
          .as(run(r))
          .isEqualTo((int) number(r, "jobs_running_at_end"));
    }
    // With a two-day warm-up of 3 h jobs on four nodes, some runs carry jobs in: the test bites.
    assertThat(carriedInSomewhere).isPositive();
    assertThat(unfinished.values().stream().mapToInt(Integer::intValue).sum()).isPositive();
  }

  private static String run(CSVRecord r) {
    return r.get("point") + "/" + r.get("replication") + "/" + r.get("compute");
  }

  private static double number(CSVRecord r, String column) {
    return Double.parseDouble(r.get(column));
  }

  private static List<CSVRecord> read(Path csv) throws Exception {
    try (Reader in = Files.newBufferedReader(csv)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    }
  }
}
