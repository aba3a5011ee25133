package io.capsim.scenario;

import io.capsim.catalog.Catalog;
import io.capsim.catalog.CatalogException;
import io.capsim.scenario.yaml.Problem;
import io.capsim.scenario.yaml.YamlNode;
import io.capsim.scenario.yaml.YamlNode.YamlList;
import io.capsim.scenario.yaml.YamlNode.YamlMap;
import io.capsim.workload.Workload;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code workloads:} list of a scenario: each entry parsed as written, with unique names and
 * reference sizes in the catalog, and again at each sweep point whose values touch it.
 */
final class WorkloadSection {
  private final String file;
  private final List<Problem> problems;
  private final Catalog catalog;
  private final TraceContext traces;
  private final Map<String, String> computeSizes;
  private final ZoneId zone;
  private final Instant start;
  private final Map<String, YamlNode> nodes = new LinkedHashMap<>();
  private final Map<String, Integer> indexes = new LinkedHashMap<>();

  /**
   * @param computeSizes each compute's name and size, the default reference size
   */
  WorkloadSection(
      String file,
      List<Problem> problems,
      Catalog catalog,
      TraceContext traces,
      Map<String, String> computeSizes,
      ZoneId zone,
      Instant start) {
    this.file = file;
    this.problems = problems;
    this.catalog = catalog;
    this.traces = traces;
    this.computeSizes = computeSizes;
    this.zone = zone;
    this.start = start;
  }

  /** The workloads as written, in file order, each once. */
  List<Workload> parse(Fields f) {
    List<Workload> workloads = new ArrayList<>();
    Optional<YamlList> list = f.list("workloads");
    if (!f.has("workloads")) {
      f.missing("workloads", "a list of at least one workload");
    }
    LinkedHashSet<String> names = new LinkedHashSet<>();
    list.ifPresent(
        l -> {
          for (int i = 0; i < l.items().size(); i++) {
            int index = i;
            Fields w = fields(i, l.items().get(i));
            WorkloadParser.parse(w, computeSizes, zone, start, traces)
                .ifPresent(
                    workload -> {
                      nodes.putIfAbsent(workload.name(), w.map());
                      if (!names.add(workload.name())) {
                        w.problem(
                            w.node("name").orElseThrow(),
                            "name",
                            "another workload is already named \"" + workload.name() + "\"");
                      } else if (checkReference(w, workload)) {
                        indexes.put(workload.name(), index);
                        workloads.add(workload);
                      }
                    });
          }
        });
    return workloads;
  }

  /**
   * The workloads of one sweep point: those {@code overrides} touches (by name, then a key's path
   * to its value) parsed again with the values in place, the others as written.
   */
  List<Workload> at(List<Workload> workloads, Map<String, Map<String, YamlNode>> overrides) {
    List<Workload> result = new ArrayList<>();
    for (Workload workload : workloads) {
      Map<String, YamlNode> values = overrides.get(workload.name());
      if (values == null) {
        result.add(workload);
        continue;
      }
      YamlNode node = nodes.get(workload.name());
      int index = java.util.Objects.requireNonNull(indexes.get(workload.name()));
      Fields w =
          fields(index, Sweep.apply((YamlMap) java.util.Objects.requireNonNull(node), values));
      WorkloadParser.parse(w, computeSizes, zone, start, traces)
          .filter(swept -> checkReference(w, swept))
          .ifPresent(result::add);
    }
    return result;
  }

  /** Each workload's map in the file, by name, in file order. */
  Map<String, YamlNode> nodes() {
    return nodes;
  }

  private Fields fields(int index, YamlNode node) {
    return new Fields(file, "workloads[" + index + "]", node, problems).withTraces(traces);
  }

  private boolean checkReference(Fields w, Workload workload) {
    if (workload.referenceSize().isEmpty()) {
      return false;
    }
    try {
      catalog.size(workload.referenceSize());
      return true;
    } catch (CatalogException e) {
      w.problem(w.node("reference_size").orElse(w.map()), "reference_size", Problem.reason(e));
      return false;
    }
  }
}
