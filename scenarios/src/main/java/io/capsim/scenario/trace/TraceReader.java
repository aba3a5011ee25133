package io.capsim.scenario.trace;

import io.capsim.scenario.yaml.Problem;
import io.capsim.workload.Trace;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.zip.ZipException;

/**
 * Reads job traces for replay, gzipped or not: the Parallel Workloads Archive's SWF (submit time,
 * run time, processors), a CSV with named columns, and Alibaba's GPU cluster pod list ({@code
 * openb_pod_list}). Jobs keep the trace's relative submission times, the first at time 0. Corrupt
 * or oversized input is refused with the file and line.
 */
public final class TraceReader {
  /** About 40 bytes a job while reading, half of it kept: 2 GB of heap at the limit. */
  static final int MAX_JOBS = 50_000_000;

  /** A trace that cannot be read; the message starts with the file and line. */
  public static final class TraceException extends Exception {
    TraceException(String message) {
      super(message);
    }
  }

  /** The {@code format} of a trace, each with its reader. A new format is a constant here. */
  @SuppressWarnings("ImmutableEnumChecker") // each reader is a stateless method
  public enum Format {
    SWF("swf", TraceReader::swf),
    CSV("csv", TraceReader::csv),
    ALIBABA(
        "alibaba", (file, reader, options, jobs, skipped) -> alibaba(file, reader, options, jobs));

    @FunctionalInterface
    private interface Reader {
      void read(Path file, BufferedReader reader, Options options, JobColumns jobs, Skipped skipped)
          throws IOException, TraceException;
    }

    private final String key;
    private final Reader reader;

    Format(String key, Reader reader) {
      this.key = key;
      this.reader = reader;
    }

    public String key() {
      return key;
    }
  }

  /** Options of {@code arrivals: {trace: ...}}; unused ones are ignored by the other formats. */
  public record Options(int procsPerNode, int gpusPerNode, Map<String, String> columns) {}

  private TraceReader() {}

  public static Trace read(Path file, Format format, Options options) throws TraceException {
    return read(file, file.toString(), format, options, note -> {});
  }

  /**
   * Reads {@code path}, naming it {@code name} (the path as the scenario wrote it) in messages, and
   * tells {@code notes} how many job lines it left out and why. Jobs of zero length are kept: they
   * are submitted and complete at once.
   */
  public static Trace read(
      Path path, String name, Format format, Options options, Consumer<String> notes)
      throws TraceException {
    Path file = Path.of(name);
    JobColumns jobs = new JobColumns();
    Skipped skipped = new Skipped();
    if (!Files.isRegularFile(path)) {
      throw new TraceException(
          name
              + (Files.isDirectory(path)
                  ? ": is a folder, not a trace file"
                  : Files.exists(path) ? ": is not a regular file" : ": no such file"));
    }
    try (BufferedReader reader = TraceInput.open(path)) {
      format.reader.read(file, reader, options, jobs, skipped);
    } catch (TraceInput.LineTooLong e) {
      throw new TraceException(file + ":" + e.lineNumber + ": " + Problem.reason(e));
    } catch (EOFException e) {
      throw new TraceException(
          file + ": is not a valid gzip file: it ends in the middle of its compressed data");
    } catch (ZipException e) {
      throw new TraceException(file + ": is not a valid gzip file: " + Problem.reason(e));
    } catch (IOException e) {
      throw new TraceException(file + ": cannot be read: " + Problem.reason(e));
    } catch (OutOfMemoryError e) {
      throw tooBigForTheHeap(file, jobs.size());
    }
    if (jobs.size() == 0) {
      throw new TraceException(file + ": has no jobs with a known run time and node count");
    }
    if (skipped.lines > 0) {
      notes.accept(
          String.format(
              Locale.ROOT,
              "%s: left out %,d of %,d job lines: %s",
              file,
              skipped.lines,
              skipped.lines + jobs.size(),
              skipped.reason));
    }
    try {
      return jobs.toTrace(file.toString());
    } catch (OutOfMemoryError e) {
      throw tooBigForTheHeap(file, jobs.size());
    }
  }

  /**
   * Running out of heap on a trace's own columns leaves nothing else half-built, so it is safe to
   * report; the columns are garbage by the time this runs.
   */
  private static TraceException tooBigForTheHeap(Path file, int jobsRead) {
    return new TraceException(
        String.format(
            Locale.ROOT,
            "%s: its jobs do not fit in the memory Java was given (%,d MiB, after %,d jobs); a"
                + " trace needs about 40 bytes a job while it is read; give Java more, for"
                + " instance JAVA_OPTS=-Xmx4g ./capsim ... or java -Xmx4g -jar capsim.jar ...",
            file,
            Runtime.getRuntime().maxMemory() >> 20,
            jobsRead));
  }

  /** Job lines left out, and why (the same reason for every line of one format). */
  private static final class Skipped {
    int lines;
    String reason = "";

    void add(String why) {
      lines++;
      reason = why;
    }
  }

  private static void swf(
      Path file, BufferedReader reader, Options options, JobColumns jobs, Skipped skipped)
      throws IOException, TraceException {
    SwfFields fields = new SwfFields();
    String line;
    int lineNumber = 0;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      int count = fields.split(line);
      if (fields.isBlankOrComment()) {
        continue;
      }
      if (count < 8) {
        throw new TraceException(
            file
                + ":"
                + lineNumber
                + ": expected the 18 fields of a SWF job"
                + " line, found "
                + count);
      }
      double submit = number(file, lineNumber, fields.field(1), "submit time");
      double run = number(file, lineNumber, fields.field(3), "run time");
      double procs = number(file, lineNumber, fields.field(4), "allocated processors");
      if (procs <= 0) {
        procs = number(file, lineNumber, fields.field(7), "requested processors");
      }
      if (run >= 0 && procs > 0) {
        add(file, lineNumber, jobs, submit, run, (int) Math.ceil(procs / options.procsPerNode()));
      } else {
        skipped.add("their run time or processor count is unknown (-1 in SWF)");
      }
    }
  }

  private static void alibaba(Path file, BufferedReader reader, Options options, JobColumns jobs)
      throws IOException, TraceException {
    Map<String, Integer> header =
        header(
            file, reader, List.of("num_gpu", "creation_time", "deletion_time", "scheduled_time"));
    String line;
    int lineNumber = 1;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      double gpus = number(file, lineNumber, field(f, column(header, "num_gpu")), "num_gpu");
      double created =
          number(file, lineNumber, field(f, column(header, "creation_time")), "creation_time");
      String deletedText = field(f, column(header, "deletion_time"));
      String scheduledText = field(f, column(header, "scheduled_time"));
      if (gpus < 1 || deletedText.isEmpty()) {
        continue;
      }
      double deleted = number(file, lineNumber, deletedText, "deletion_time");
      double started =
          scheduledText.isEmpty()
              ? created
              : Math.max(created, number(file, lineNumber, scheduledText, "scheduled_time"));
      if (deleted > started) {
        add(
            file,
            lineNumber,
            jobs,
            created,
            deleted - started,
            (int) Math.ceil(gpus / options.gpusPerNode()));
      }
    }
  }

  private static void csv(
      Path file, BufferedReader reader, Options options, JobColumns jobs, Skipped skipped)
      throws IOException, TraceException {
    String submitColumn = options.columns().getOrDefault("submit", "submit");
    String durationColumn = options.columns().getOrDefault("duration", "duration");
    String nodesColumn = options.columns().get("instance_count");
    List<String> required = new ArrayList<>(List.of(submitColumn, durationColumn));
    if (nodesColumn != null) {
      required.add(nodesColumn);
    }
    Map<String, Integer> header = header(file, reader, required);
    String line;
    int lineNumber = 1;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      double submit =
          number(file, lineNumber, field(f, column(header, submitColumn)), submitColumn);
      double duration =
          number(file, lineNumber, field(f, column(header, durationColumn)), durationColumn);
      int nodes =
          nodesColumn == null
              ? 1
              : (int) number(file, lineNumber, field(f, column(header, nodesColumn)), nodesColumn);
      if (duration >= 0 && nodes > 0) {
        add(file, lineNumber, jobs, submit, duration, nodes);
      } else {
        skipped.add("their duration is negative or their node count is not positive");
      }
    }
  }

  /** The index of a column {@link #header} has checked is there. */
  private static int column(Map<String, Integer> header, String name) {
    return Objects.requireNonNull(header.get(name), name);
  }

  private static String field(String[] fields, int index) {
    return index < fields.length ? fields[index].strip() : "";
  }

  private static Map<String, Integer> header(
      Path file, BufferedReader reader, List<String> required) throws IOException, TraceException {
    String line = reader.readLine();
    if (line == null) {
      throw new TraceException(file + ": is empty; expected a header line");
    }
    List<String> names = Arrays.stream(line.split(",", -1)).map(String::strip).toList();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    for (String column : required) {
      if (!index.containsKey(column)) {
        throw new TraceException(
            file
                + ":1: no column \""
                + column
                + "\""
                + io.capsim.catalog.Suggestions.didYouMean(column, names)
                + " in the header");
      }
    }
    return index;
  }

  private static void add(
      Path file, int line, JobColumns jobs, double submit, double duration, int instances)
      throws TraceException {
    if (jobs.size() >= MAX_JOBS) {
      throw new TraceException(
          String.format(Locale.ROOT, "%s:%d: more than %,d jobs", file, line, MAX_JOBS));
    }
    jobs.add(submit, duration, instances);
  }

  private static double number(Path file, int line, String text, String what)
      throws TraceException {
    try {
      double value = Double.parseDouble(text.strip());
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TraceException(
        String.format(
            Locale.ROOT,
            "%s:%d: %s: expected a number, was \"%s\"",
            file,
            line,
            what,
            text.length() > 40 ? text.substring(0, 40) + "..." : text));
  }
}
