package io.capsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.experiment.JobRecord;
import io.capsim.experiment.JobSink;
import io.capsim.experiment.RunTask;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs.csv} streamed run by run, in chunks, from runs that finish in any order on several
 * threads, has the bytes of one Tablesaw table of every record by point and replication: what
 * capsim wrote before it streamed.
 */
class JobCsvFileTest {
  @Test
  void streamedInChunks_fromRunsInAnyOrder_givesTheBytesOfOneTable(@TempDir Path dir)
      throws Exception {
    List<RunTask> tasks = new ArrayList<>();
    for (int point = 0; point < 3; point++) {
      for (int replication = 0; replication < 4; replication++) {
        tasks.add(new RunTask(point, replication, true));
      }
    }
    Path file = dir.resolve("jobs.csv");
    try (JobCsvFile sink = JobCsvFile.inTemporaryFolder(3)) {
      // Last run first, each on its own thread: the order the file must not depend on.
      List<Thread> threads = new ArrayList<>();
      for (int i = tasks.size() - 1; i >= 0; i--) {
        RunTask task = tasks.get(i);
        Thread thread = new Thread(() -> produce(sink, task));
        thread.start();
        threads.add(thread);
      }
      for (Thread thread : threads) {
        thread.join();
      }
      sink.writeTo(file);
    }

    List<JobRecord> all = new ArrayList<>();
    tasks.forEach(task -> all.addAll(records(task)));
    StringWriter expected = new StringWriter();
    JobTable.of(all)
        .write()
        .csv(
            tech.tablesaw.io.csv.CsvWriteOptions.builder(expected)
                .usePrintFormatters(true)
                .build());
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    assertThat(expected.toString())
        .contains("\"refused: quota \"\"gpu\"\", full\"")
        // Six decimals, as every file; nothing where a job never started or has not finished.
        .contains("0,1,gpu,etl,1,2,101.500000,107.750000,3700.500000,6.250000,completed")
        .contains("0,1,cpu-cluster,etl,0,1,1.000000,,3600.000000,,\"refused")
        .contains("0,2,gpu,etl,5,6,504.500000,509.750000,,5.250000,completed");
  }

  /** A run's rows reach its part file a chunk at a time while it runs, not only at its end. */
  @Test
  void aRunsRows_areWrittenAChunkAtATime_asTheyCome() throws Exception {
    try (JobCsvFile sink = JobCsvFile.inTemporaryFolder(3)) {
      RunTask task = new RunTask(0, 3, true);
      JobSink.RunJobs run = sink.open(task);
      List<JobRecord> rows = records(new RunTask(0, 2, true)); // six records
      for (int i = 0; i < 5; i++) {
        run.add(rows.get(i));
        assertThat(lines(sink)).as("lines after %d rows", i + 1).isEqualTo(i + 1 < 3 ? 0 : 3);
      }
      run.close();
      assertThat(lines(sink)).isEqualTo(5);
    }
  }

  private static long lines(JobCsvFile sink) throws Exception {
    try (var files = Files.list(sink.partsFolder())) {
      Path part = files.findFirst().orElse(null);
      return part == null ? 0 : Files.readAllLines(part).size();
    }
  }

  @Test
  void close_removesTheParts() throws Exception {
    Path parts;
    try (JobCsvFile sink = JobCsvFile.inTemporaryFolder(2)) {
      produce(sink, new RunTask(0, 0, true));
      parts = sink.partsFolder();
      try (var files = Files.list(parts)) {
        assertThat(files).hasSize(1);
      }
    }
    assertThat(parts).doesNotExist();
  }

  private static void produce(JobSink sink, RunTask task) {
    JobSink.RunJobs run = sink.open(task);
    records(task).forEach(run::add);
    run.close();
  }

  /** 0 to 7 jobs (point 0, replication 0 has none), some never started, odd outcomes. */
  private static List<JobRecord> records(RunTask task) {
    int count = (task.point() * 4 + task.replication() * 3) % 8;
    return IntStream.range(0, count)
        .mapToObj(
            j ->
                new JobRecord(
                    task.point(),
                    task.replication(),
                    j % 2 == 0 ? "cpu-cluster" : "gpu",
                    "etl",
                    j,
                    1 + j,
                    100.5 * j + task.replication(),
                    j % 3 == 0 ? Double.NaN : 100.5 * j + 7.25,
                    j % 3 == 0 ? Double.NaN : 7.25 - task.replication(),
                    j == 5 ? Double.NaN : 100.5 * j + 3600,
                    j % 3 == 0 ? "refused: quota \"gpu\", full" : "completed"))
        .toList();
  }
}
