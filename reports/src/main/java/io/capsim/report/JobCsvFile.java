package io.capsim.report;

import io.capsim.experiment.JobRecord;
import io.capsim.experiment.JobSink;
import io.capsim.experiment.ResultsWriter;
import io.capsim.experiment.RunTask;
import io.capsim.experiment.UnclosedWriter;
import io.capsim.experiment.WriteFailure;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * {@code jobs.csv} written as runs go: each run's records are buffered {@link #ROWS_PER_CHUNK} at a
 * time, written by Tablesaw as header-less CSV to a part file of the run's own, and the parts are
 * joined under one header in (point, replication) order at the end. Memory stays bounded whatever
 * the number of jobs, and the bytes are those of one Tablesaw table of every record in that order.
 */
public final class JobCsvFile implements JobSink, AutoCloseable {
  static final int ROWS_PER_CHUNK = 16_384;

  private final Path parts;
  private final int rowsPerChunk;
  private final Map<RunTask, Path> partsByRun = new ConcurrentSkipListMap<>(RunTask.IN_ORDER);

  private JobCsvFile(Path parts, int rowsPerChunk) {
    this.parts = parts;
    this.rowsPerChunk = rowsPerChunk;
  }

  /**
   * A sink whose parts go to a new hidden folder inside {@code folder} (the run's own, so that a
   * full disk shows there and nothing is left in the system's temporary folder), removed by {@link
   * #close}.
   */
  public static JobCsvFile inside(Path folder) {
    Path parts = folder.resolve(".jobs-parts");
    try {
      return new JobCsvFile(Files.createDirectories(parts), ROWS_PER_CHUNK);
    } catch (IOException e) {
      throw new WriteFailure(parts, e);
    }
  }

  static JobCsvFile inTemporaryFolder(int rowsPerChunk) {
    try {
      return new JobCsvFile(Files.createTempDirectory("capsim-jobs-"), rowsPerChunk);
    } catch (IOException e) {
      throw new UncheckedIOException("creating a temporary folder for jobs.csv", e);
    }
  }

  @Override
  public RunJobs open(RunTask task) {
    Path part = parts.resolve(task.point() + "-" + task.replication() + ".csv");
    partsByRun.put(task, part);
    return new RunJobs() {
      private final List<JobRecord> buffer = new ArrayList<>();

      @Override
      public void add(JobRecord job) {
        buffer.add(job);
        if (buffer.size() == rowsPerChunk) {
          flush();
        }
      }

      @Override
      public void close() {
        flush();
      }

      private void flush() {
        try (Writer writer =
            Files.newBufferedWriter(
                part,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
          if (!buffer.isEmpty()) {
            write(JobTable.of(buffer), writer, false);
          }
        } catch (IOException e) {
          throw new WriteFailure(part, e);
        }
        buffer.clear();
      }
    };
  }

  /**
   * Writes {@code file}: the header, then every run's part in (point, replication) order; through a
   * temporary file, as every result file is.
   */
  public void writeTo(Path file) {
    ResultsWriter.streamAtomically(
        file,
        out -> {
          Writer header = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          write(JobTable.of(List.of()), header, true);
          header.flush();
          for (Path part : partsByRun.values()) {
            Files.copy(part, out);
          }
        });
  }

  // Tablesaw would close the writer; the caller's stream must stay open for the parts after it.
  private static void write(Table table, Writer writer, boolean header) {
    table
        .write()
        .csv(
            CsvWriteOptions.builder(new UnclosedWriter(writer))
                .usePrintFormatters(true)
                .header(header)
                .lineEnd("\n")
                .build());
  }

  /** The folder of the parts, for tests. */
  Path partsFolder() {
    return parts;
  }

  /** Removes the parts. */
  @Override
  public void close() {
    try (Stream<Path> files = Files.list(parts)) {
      for (Path part : files.toList()) {
        Files.deleteIfExists(part);
      }
      Files.deleteIfExists(parts);
    } catch (IOException e) {
      throw new WriteFailure(parts, e);
    }
  }
}
