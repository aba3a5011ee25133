package io.capsim.experiment;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a run's files atomically: each goes to a temporary file in the same folder and is then
 * renamed, so a reader never sees half a file and an interrupted run leaves the previous results
 * whole. Also writes the captured runs behind the report's timeline and wait charts.
 */
public final class ResultsWriter {
  private ResultsWriter() {}

  /**
   * Writes the captured runs: {@code timeline.csv} (series, point, compute, hours, nodes,
   * queued_jobs) and {@code waits.csv} (series, point, compute, quantile, wait_s), where {@code
   * series} names the run, e.g. recommended or baseline.
   */
  public static void writeCaptures(Map<String, Map.Entry<Integer, Capture>> captures, Path dir) {
    atomically(
        dir.resolve("timeline.csv"),
        printer -> {
          printer.printRecord("series", "point", "compute", "hours", "nodes", "queued_jobs");
          for (Map.Entry<String, Map.Entry<Integer, Capture>> c : captures.entrySet()) {
            for (Capture.Sample s : c.getValue().getValue().samples()) {
              printer.printRecord(
                  c.getKey(),
                  c.getValue().getKey(),
                  s.compute(),
                  format(s.hours()),
                  s.nodes(),
                  s.queuedJobs());
            }
          }
        });
    atomically(
        dir.resolve("waits.csv"),
        printer -> {
          printer.printRecord("series", "point", "compute", "quantile", "wait_s");
          for (Map.Entry<String, Map.Entry<Integer, Capture>> c : captures.entrySet()) {
            for (Capture.WaitQuantile w : c.getValue().getValue().waits()) {
              printer.printRecord(
                  c.getKey(),
                  c.getValue().getKey(),
                  w.compute(),
                  format(w.quantile()),
                  format(w.waitSeconds()));
            }
          }
        });
  }

  /** Six decimals, locale-independent: the same bytes on every machine. */
  static String format(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
  }

  interface Body {
    void write(CSVPrinter printer) throws IOException;
  }

  private static void atomically(Path file, Body body) {
    writeAtomically(
        file,
        writer -> {
          try (CSVPrinter printer =
              new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            body.write(printer);
          }
        });
  }

  /** Something that writes text to a writer. */
  public interface TextBody {
    void write(Writer writer) throws IOException;
  }

  /** Writes {@code file} through a temporary file in its folder, then renames it into place. */
  public static void writeAtomically(Path file, TextBody body) {
    streamAtomically(
        file,
        out -> {
          Writer writer = new UnclosedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          body.write(writer);
          writer.flush();
        });
  }

  /** Writes {@code bytes} to {@code file} as {@link #streamAtomically} does. */
  public static void writeAtomically(Path file, byte[] bytes) {
    streamAtomically(file, out -> out.write(bytes));
  }

  /** Something that writes bytes to a stream (which it need not close). */
  public interface ByteBody {
    void write(OutputStream out) throws IOException;
  }

  /**
   * Streams {@code body} to a temporary file beside {@code file}, created with the usual
   * permissions, then renames it into place; the temporary file never outlives a failure.
   */
  public static void streamAtomically(Path file, ByteBody body) {
    Path dir = Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file has a folder");
    Path temp =
        dir.resolve(
            "."
                + file.getFileName()
                + "."
                + ProcessHandle.current().pid()
                + "."
                + Thread.currentThread().getId()
                + ".tmp");
    try {
      Files.createDirectories(dir);
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        body.write(out);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new WriteFailure(file, e);
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the result file is what matters; a stray temporary file is overwritten next time
      }
    }
  }
}
