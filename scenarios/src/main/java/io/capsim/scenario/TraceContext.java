package io.capsim.scenario;

import io.capsim.catalog.Catalog;
import io.capsim.catalog.CatalogException;
import io.capsim.scenario.trace.TraceReader;
import io.capsim.scenario.yaml.Problem;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.Trace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code arrivals: {trace: path, format: swf|csv|alibaba, ...}} relative to the scenario's
 * folder, and keeps each trace's settings with its absolute path for the resolved scenario.
 */
final class TraceContext {
  private static final Map<String, TraceReader.Format> FORMATS =
      Fields.choices(TraceReader.Format.values(), TraceReader.Format::key);

  private final Path baseDir;
  private final Catalog catalog;
  private final Map<Trace, Map<String, Object>> resolved = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  // A workload whose keys are swept is parsed again at each point; its trace is read once.
  private final Map<List<Object>, Trace> read = new LinkedHashMap<>();

  TraceContext(Path baseDir, Catalog catalog) {
    this.baseDir = baseDir;
    this.catalog = catalog;
  }

  Optional<ArrivalProcess> read(Fields f, String computeSize) {
    String path = f.requiredString("trace", "the trace file, relative to the scenario");
    Optional<TraceReader.Format> format = f.choice("format", FORMATS);
    if (format.isEmpty() && !f.has("format")) {
      f.missing("format", "one of " + String.join(", ", FORMATS.keySet()));
    }
    int procsPerNode = f.integer("procs_per_node", 1, 1_000_000).orElse(1L).intValue();
    int gpusPerNode =
        f.integer("gpus_per_node", 1, 1024).orElse((long) gpusOf(computeSize)).intValue();
    Map<String, String> columns = new LinkedHashMap<>();
    f.node("columns")
        .ifPresent(
            n -> {
              Fields c = f.child("columns", n);
              for (String key : new String[] {"submit", "duration", "instance_count"}) {
                c.string(key).ifPresent(v -> columns.put(key, v));
              }
              c.finish();
            });
    if (path.isEmpty() || format.isEmpty()) {
      return Optional.empty();
    }
    Path file = baseDir.resolve(path).normalize();
    try {
      TraceReader.Options options = new TraceReader.Options(procsPerNode, gpusPerNode, columns);
      List<Object> key = List.of(file, format.get(), options);
      Trace trace = read.get(key);
      if (trace == null) {
        trace = TraceReader.read(file, path, format.get(), options, notes::add);
        read.put(key, trace);
      }
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("trace", file.toAbsolutePath().toString());
      spec.put("format", format.get().key());
      spec.put("procs_per_node", procsPerNode);
      spec.put("gpus_per_node", gpusPerNode);
      if (!columns.isEmpty()) {
        spec.put("columns", columns);
      }
      resolved.put(trace, spec);
      return Optional.of(trace);
    } catch (TraceReader.TraceException e) {
      f.problem(f.node("trace").orElseThrow(), "trace", Problem.reason(e));
      return Optional.empty();
    }
  }

  private int gpusOf(String size) {
    try {
      return Math.max(1, (int) Math.ceil(catalog.size(size).gpus()));
    } catch (CatalogException e) {
      return 1;
    }
  }

  /** What reading the traces left out, one sentence each, for the user to see. */
  List<String> notes() {
    return List.copyOf(notes);
  }

  /** The settings of each trace read, with absolute paths, for the resolved scenario. */
  Map<Trace, Map<String, Object>> resolved() {
    return resolved;
  }
}
