package io.capsim.scenario;

import io.capsim.catalog.Catalog;
import io.capsim.catalog.CatalogException;
import io.capsim.compute.Pricing;
import io.capsim.compute.pool.Preemption;
import io.capsim.compute.pool.Tier;
import io.capsim.scenario.yaml.Problem;
import io.capsim.scenario.yaml.YamlNode;
import io.capsim.scenario.yaml.YamlNode.YamlList;
import io.capsim.scenario.yaml.YamlNode.YamlMap;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code computes:} list of a scenario: its entries as maps, and their parse at one sweep
 * point, with unique names and sizes offered in the region.
 */
final class ComputeSection {
  private final String file;
  private final List<Problem> problems;
  private final Catalog catalog;
  private final TraceContext traces;
  private final java.util.Set<String> sweptKeys;
  private final java.nio.file.Path baseDir;
  private final java.util.Set<String> notes = new java.util.LinkedHashSet<>();
  private final List<String> fromNotes = new ArrayList<>();

  /**
   * @param sweptKeys the keys of {@code sweep:} as written, for the rules that depend on what is
   *     swept (preemption applies at the low-priority points of a swept tier)
   */
  ComputeSection(
      String file,
      List<Problem> problems,
      Catalog catalog,
      TraceContext traces,
      java.util.Set<String> sweptKeys,
      java.nio.file.Path baseDir) {
    this.baseDir = baseDir;
    this.file = file;
    this.problems = problems;
    this.catalog = catalog;
    this.traces = traces;
    this.sweptKeys = sweptKeys;
  }

  /** The assumptions the computes' defaults made, one sentence each, for the user to see. */
  List<String> notes() {
    List<String> all = new ArrayList<>(fromNotes);
    all.addAll(notes);
    return all;
  }

  /**
   * The entries of {@code computes:} as maps, one written as {@code from: <Azure ML compute file>}
   * read from that file; {@code zone} is the scenario's, for the file's schedules.
   */
  List<YamlMap> nodes(Fields f, ZoneId zone, String region) {
    List<YamlMap> nodes = new ArrayList<>();
    Optional<YamlList> list = f.list("computes");
    if (!f.has("computes")) {
      f.missing("computes", "a list of at least one compute");
    }
    list.ifPresent(
        l -> {
          if (l.items().isEmpty()) {
            f.problem(l, "computes", "must list at least one compute");
          }
          for (int i = 0; i < l.items().size(); i++) {
            YamlNode item = l.items().get(i);
            if (item instanceof YamlMap map && map.entries().containsKey("from")) {
              nodes.add(
                  AzureComputeFile.read(
                      new Fields(file, "computes[" + i + "]", map, problems),
                      baseDir,
                      zone,
                      (own, def) -> checkSize(own, def, region),
                      fromNotes));
            } else if (item instanceof YamlMap map) {
              nodes.add(map);
            } else {
              f.problem(item, "computes[" + i + "]", "expected a map, was " + item.describe());
            }
          }
        });
    return nodes;
  }

  /** Parses every compute, with the values of one sweep point in place. */
  List<ComputeDef> parse(
      List<YamlMap> nodes,
      Map<String, Map<String, YamlNode>> overrides,
      ZoneId zone,
      String region) {
    List<ComputeDef> defs = new ArrayList<>();
    LinkedHashSet<String> names = new LinkedHashSet<>();
    for (int i = 0; i < nodes.size(); i++) {
      YamlMap node =
          atDedicatedPointOfSweptTier(
              Sweep.apply(nodes.get(i), nameOf(nodes.get(i)).map(overrides::get).orElse(Map.of())));
      Fields f = new Fields(file, "computes[" + i + "]", node, problems).withTraces(traces);
      Optional<ComputeDef> def = ComputeParser.parse(f, zone);
      def.ifPresent(
          d -> {
            if (!names.add(d.name())) {
              f.problem(
                  f.node("name").orElseThrow(),
                  "name",
                  "another compute is already named \"" + d.name() + "\"");
            } else if (checkSize(f, d, region)) {
              defs.add(d);
              noteAssumedPreemption(d, f);
            }
          });
    }
    return defs;
  }

  /**
   * A cluster whose tier is swept may state its preemption once: it applies where the tier is low
   * priority, and is left out where it is dedicated (whose nodes Azure never preempts).
   */
  private YamlMap atDedicatedPointOfSweptTier(YamlMap node) {
    boolean tierSwept = nameOf(node).map(n -> sweptKeys.contains(n + ".tier")).orElse(false);
    YamlMap.Entry tier = node.entries().get("tier");
    boolean lowPriority =
        tier != null
            && tier.value() instanceof YamlNode.YamlScalar s
            && s.text().equals(Tier.LOW_PRIORITY.key());
    return tierSwept && !lowPriority ? node.without("preemption") : node;
  }

  private void noteAssumedPreemption(ComputeDef def, Fields f) {
    if (def.tier() == Tier.LOW_PRIORITY && !f.has("preemption")) {
      notes.add(
          def.name()
              + ": low priority with no preemption stated, so its nodes are assumed preempted"
              + String.format(
                  java.util.Locale.ROOT,
                  " %.0f %% of the time within an hour (%.4f per node-hour, memoryless)",
                  100 * Preemption.ASSUMED_LOW_PRIORITY_SHARE_PER_HOUR,
                  ((Preemption.Rate) Preemption.assumedForLowPriority()).perNodeHour())
              + ", the top of the lowest eviction-rate band the Azure portal shows for Spot VMs;"
              + " state preemption (none, {rate: ...} or {time_to_preemption: ...}) to change it");
    }
  }

  /** Whether the size is offered in the region, and priced at the compute's tier there. */
  private boolean checkSize(Fields f, ComputeDef def, String region) {
    if (!catalog.regions().contains(region)) {
      return check(f, def.sizeKey(), () -> catalog.size(def.size()));
    }
    Pricing pricing = new Pricing(catalog, region);
    return check(f, def.sizeKey(), () -> pricing.checkOffered(def.size()))
        && check(f, "tier", () -> pricing.nodePerHourUsd(def.size(), def.tier()));
  }

  private static boolean check(Fields f, String key, Runnable lookup) {
    try {
      lookup.run();
      return true;
    } catch (CatalogException e) {
      f.problem(f.node(key).orElse(f.map()), key, Problem.reason(e));
      return false;
    }
  }

  static Optional<String> nameOf(YamlMap node) {
    YamlMap.Entry entry = node.entries().get("name");
    return entry != null && entry.value() instanceof YamlNode.YamlScalar s
        ? Optional.of(s.text())
        : Optional.empty();
  }
}
