package io.capsim.scenario;

import io.capsim.catalog.Catalog;
import io.capsim.catalog.Suggestions;
import io.capsim.catalog.VmSize;
import io.capsim.scenario.yaml.Problem;
import io.capsim.scenario.yaml.Quantities;
import io.capsim.scenario.yaml.ScenarioException;
import io.capsim.scenario.yaml.YamlNode;
import io.capsim.scenario.yaml.YamlNode.YamlMap;
import io.capsim.scenario.yaml.YamlReader;
import io.capsim.workload.Trace;
import io.capsim.workload.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Loads and validates a scenario file. Every problem is collected and reported at once, each with
 * its place; unknown keys are errors; cross-field rules (warm-up before the horizon, references
 * that resolve, sizes in the region, jobs that can fit) are checked for every sweep point before
 * anything runs.
 */
public final class ScenarioLoader {
  /** Monday 2026-01-05, local midnight, when a scenario gives no {@code start}. */
  public static final LocalDate DEFAULT_START = LocalDate.of(2026, 1, 5);

  /** The most replications a scenario (or {@code --replications}) may ask for. */
  public static final int MAX_REPLICATIONS = 100_000;

  private final String file;
  private final byte[] bytes;
  private final Path baseDir;
  private final List<Problem> problems;
  private final Catalog catalog;
  private final Map<String, YamlNode> workloadNodes = new LinkedHashMap<>();
  private final TraceContext traces;
  private final ComputeSection computeSection;
  private final List<String> notes = new ArrayList<>();

  /** The default time zone, by the name a resolved scenario writes and reads back. */
  private static final ZoneId UTC = ZoneId.of("UTC");

  private ScenarioLoader(
      String file,
      byte[] bytes,
      Path baseDir,
      Catalog catalog,
      List<Problem> problems,
      YamlNode root) {
    this.file = file;
    this.bytes = bytes;
    this.baseDir = baseDir;
    this.catalog = catalog;
    this.problems = problems;
    this.traces = new TraceContext(baseDir, catalog);
    this.computeSection =
        new ComputeSection(file, problems, catalog, traces, sweptKeys(root), baseDir);
  }

  /** The scenario in {@code path}, or a {@link ScenarioException} listing every problem. */
  public static Scenario load(Path path) {
    String name = path.toString();
    try {
      if (Files.isDirectory(path)) {
        throw single(name, "is a directory; give the scenario file in it (a .yaml file)");
      }
      if (!Files.isRegularFile(path)) {
        throw single(name, "no such file");
      }
      if (Files.size(path) > YamlReader.MAX_BYTES) {
        throw single(
            name,
            "is "
                + Files.size(path)
                + " bytes; a scenario file may be at most "
                + YamlReader.MAX_BYTES
                + " bytes");
      }
      return parse(name, Files.readAllBytes(path));
    } catch (IOException e) {
      throw single(name, "cannot be read: " + Problem.reason(e));
    }
  }

  /**
   * The scenario in {@code bytes}, read as the file {@code file}; traces relative to its folder.
   */
  public static Scenario parse(String file, byte[] bytes) {
    Path parent = Path.of(file).toAbsolutePath().getParent();
    return parse(file, bytes, parent == null ? Path.of(".") : parent);
  }

  /**
   * The scenario in {@code bytes}, named {@code file} in messages, its traces under {@code
   * baseDir}.
   */
  public static Scenario parse(String file, byte[] bytes, Path baseDir) {
    YamlNode root = new YamlReader(file).read(bytes);
    List<Problem> problems = new ArrayList<>();
    ScenarioLoader loader =
        new ScenarioLoader(
            file, bytes, baseDir, chosenCatalog(file, root, problems), problems, root);
    Scenario scenario = loader.scenario(root);
    if (!loader.problems.isEmpty()) {
      throw new ScenarioException(List.copyOf(new LinkedHashSet<>(loader.problems)));
    }
    return scenario;
  }

  /**
   * The catalog the scenario names, chosen before anything else is read, so that its regions and
   * sizes are the ones checked; the built-in one when it names none (or one not supported yet,
   * which is a problem).
   */
  private static Catalog chosenCatalog(String file, YamlNode root, List<Problem> problems) {
    if (root instanceof YamlMap) {
      Fields f = new Fields(file, "", root, problems);
      f.string("catalog")
          .filter(c -> !c.equals("builtin"))
          .ifPresent(
              c ->
                  f.problem(
                      f.node("catalog").orElseThrow(),
                      "catalog",
                      "only the builtin catalog is supported yet, was \"" + c + "\""));
    }
    return Catalog.builtin();
  }

  /** The keys of {@code sweep:} as written, before the sweep is checked. */
  private static java.util.Set<String> sweptKeys(YamlNode root) {
    if (root instanceof YamlMap map) {
      YamlMap.Entry entry = map.entries().get("sweep");
      if (entry != null && entry.value() instanceof YamlMap sweep) {
        return sweep.entries().keySet();
      }
    }
    return java.util.Set.of();
  }

  private static ScenarioException single(String file, String message) {
    return new ScenarioException(List.of(new Problem(file, 0, 0, "", message)));
  }

  private Scenario scenario(YamlNode root) {
    if (!(root instanceof YamlMap)) {
      throw new ScenarioException(
          List.of(
              Problem.at(
                  file,
                  root,
                  "",
                  "expected a scenario (a map with name, region, computes, workloads...), was "
                      + root.describe())));
    }
    Fields f = new Fields(file, "", root, problems);
    String name = f.string("name").orElse(baseName(file));
    f.node("name").ifPresent(n -> checkName(f, n, name));
    String region = f.requiredString("region", "an Azure region such as eastus");
    if (!region.isEmpty() && !catalog.regions().contains(region)) {
      f.problem(
          f.node("region").orElseThrow(),
          "region",
          "unknown region \"" + region + "\"" + Suggestions.didYouMean(region, catalog.regions()));
    }
    f.has("catalog"); // read first, by chosenCatalog
    ZoneId zone =
        f.string("timezone").flatMap(z -> ComputeParser.zone(f, "timezone", z)).orElse(UTC);
    Instant start =
        f.string("start")
            .flatMap(s -> start(f, s, zone))
            .orElse(DEFAULT_START.atStartOfDay(zone).toInstant());
    long horizon = f.durationMicros("horizon").orElse(0L);
    if (!f.has("horizon")) {
      f.missing("horizon", "how long to simulate, such as 30d");
    }
    long warmup = f.durationMicros("warmup").orElse(0L);
    if (horizon > 0 && warmup >= horizon) {
      f.problem(
          f.node("warmup").orElseThrow(),
          "warmup",
          "must be shorter than the horizon ("
              + Quantities.formatDuration(horizon)
              + "), was "
              + Quantities.formatDuration(warmup));
    }
    long seed = f.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE).orElse(1L);
    int replications = f.integer("replications", 1, MAX_REPLICATIONS).orElse(10L).intValue();
    Map<String, Integer> dedicated = new LinkedHashMap<>();
    OptionalInt lowPriority =
        f.node("quota").map(n -> quota(f.child("quota", n), dedicated)).orElse(OptionalInt.empty());

    List<YamlMap> computeNodes = computeSection.nodes(f, zone, region);
    Map<String, String> computeSizes = new LinkedHashMap<>();
    List<ComputeDef> base = computeSection.parse(computeNodes, Map.of(), zone, region);
    base.forEach(def -> computeSizes.put(def.name(), def.size()));
    computeNodes.forEach(
        n -> ComputeSection.nameOf(n).ifPresent(c -> computeSizes.putIfAbsent(c, "")));
    WorkloadSection workloadSection =
        new WorkloadSection(file, problems, catalog, traces, computeSizes, zone, start);
    List<Workload> workloads = workloadSection.parse(f);
    workloadNodes.putAll(workloadSection.nodes());

    Sweep sweep = Sweep.parse(f, computeNodes, workloads.stream().map(Workload::name).toList());
    List<Scenario.Point> points =
        new SweepPoints(computeSection, workloadSection, catalog, notes)
            .points(sweep, computeNodes, base, workloads, zone, region);
    Optional<Objective> objective =
        f.node("objective").flatMap(n -> ObjectiveParser.parse(f.child("objective", n)));
    int baselinePoint = baseline(f, sweep, points);
    Optional<List<String>> carriedNotes = carriedNotes(f);
    f.finish();
    Scenario scenario =
        new Scenario(
            file,
            name,
            region,
            catalog,
            start,
            zone,
            horizon,
            warmup,
            seed,
            replications,
            dedicated,
            lowPriority,
            sweep.keys(),
            sweep.conditionKeys(),
            points,
            base,
            workloads,
            objective,
            traceArrivals(workloads),
            baselinePoint,
            carriedNotes.orElseGet(
                () ->
                    java.util.stream.Stream.of(traces.notes(), computeSection.notes(), notes)
                        .flatMap(List::stream)
                        .toList()),
            new ScenarioSource(file, bytes, baseDir, replications, seed));
    if (problems.isEmpty()) {
      problems.addAll(ModelCheck.problems(file, scenario, workloadNodes));
    }
    return scenario;
  }

  /**
   * {@code notes:}, what a run said about the scenario it resolved (defaults it assumed, points it
   * left out), which {@code scenario.resolved.yaml} carries so that a report rebuilt from it says
   * the same: given, they are the scenario's notes, in place of what reading it again would say
   * (the same things, but of a trace by another path).
   */
  private static Optional<List<String>> carriedNotes(Fields f) {
    Optional<YamlNode.YamlList> given = f.list("notes");
    List<String> carried = new ArrayList<>();
    given.ifPresent(
        list -> {
          for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            if (item instanceof YamlNode.YamlScalar s
                && s.kind() == YamlNode.YamlScalar.Kind.STRING
                && !s.text().isBlank()) {
              carried.add(s.text());
            } else {
              f.problem(item, "notes[" + i + "]", "expected a sentence, was " + item.describe());
            }
          }
        });
    return given.map(list -> List.copyOf(carried));
  }

  private Optional<Instant> start(Fields f, String text, ZoneId zone) {
    try {
      return Optional.of(
          text.contains("T")
              ? Instant.parse(text)
              : LocalDate.parse(text).atStartOfDay(zone).toInstant());
    } catch (DateTimeException e) {
      f.problem(
          f.node("start").orElseThrow(),
          "start",
          "expected a date such as 2026-01-05 or an instant such as 2026-01-05T00:00:00Z, was \""
              + text
              + "\"");
      return Optional.empty();
    }
  }

  private OptionalInt quota(Fields f, Map<String, Integer> dedicated) {
    f.node("dedicated")
        .ifPresent(
            n -> {
              Fields families = f.child("dedicated", n);
              QuotaFamilies known =
                  new QuotaFamilies(
                      catalog.sizes().stream().map(VmSize::series).distinct().sorted().toList());
              for (String family : families.map().entries().keySet()) {
                Optional<Integer> vcpus =
                    families.integer(family, 0, Integer.MAX_VALUE).map(Long::intValue);
                Optional<String> series = known.series(family);
                if (series.isEmpty()) {
                  families.problem(
                      families.node(family).orElseThrow(),
                      family,
                      "no VM family is named \""
                          + family
                          + "\"; give a series as capsim catalog shows it (Ds_v3) or Azure's quota"
                          + " name (standardDSv3Family)"
                          + known.didYouMean(family));
                } else if (vcpus.isPresent()
                    && dedicated.putIfAbsent(series.get(), vcpus.get()) != null) {
                  families.problem(
                      families.node(family).orElseThrow(),
                      family,
                      "names the " + series.get() + " family again");
                }
              }
              families.finish();
            });
    OptionalInt low =
        f.integer("low_priority", 0, Integer.MAX_VALUE)
            .map(v -> OptionalInt.of(v.intValue()))
            .orElse(OptionalInt.empty());
    f.finish();
    return low;
  }

  /** The point named by {@code baseline: {<sweep key>: value, ...}}, or the first point. */
  private int baseline(Fields f, Sweep sweep, List<Scenario.Point> points) {
    Optional<YamlNode> node = f.node("baseline");
    if (node.isEmpty()) {
      return 0;
    }
    Fields b = f.child("baseline", node.get());
    Map<String, String> wanted = new LinkedHashMap<>();
    for (Map.Entry<String, YamlMap.Entry> e : b.map().entries().entrySet()) {
      b.node(e.getKey());
      if (!sweep.keys().contains(e.getKey())) {
        b.problem(
            e.getValue().value(),
            e.getKey(),
            "is not a swept key" + Suggestions.didYouMean(e.getKey(), sweep.keys()));
      } else {
        wanted.put(e.getKey(), e.getValue().value().flowText());
      }
    }
    for (Scenario.Point point : points) {
      // A key of a compute the point leaves out may be left out of the baseline too.
      if (point.values().entrySet().stream()
          .allMatch(
              e ->
                  e.getValue().equals(wanted.get(e.getKey()))
                      || (e.getValue().equals(Scenario.Point.NOT_APPLICABLE)
                          && !wanted.containsKey(e.getKey())))) {
        return point.index();
      }
    }
    if (problems.isEmpty()) {
      b.problem(
          node.get(),
          "",
          "must give a value for every swept key ("
              + String.join(", ", sweep.keys())
              + (points.stream()
                      .anyMatch(p -> p.values().containsValue(Scenario.Point.NOT_APPLICABLE))
                  ? ", less those of a compute the point leaves out"
                  : "")
              + ") that matches one sweep point, was "
              + node.get().flowText());
    }
    return 0;
  }

  private Map<String, Map<String, Object>> traceArrivals(List<Workload> workloads) {
    Map<String, Map<String, Object>> specs = new LinkedHashMap<>();
    for (Workload workload : workloads) {
      if (workload.arrivals() instanceof Trace trace) {
        specs.put(workload.name(), traces.resolved().get(trace));
      }
    }
    return specs;
  }

  /** The longest scenario name: it names the default output folder, a file name of 255 bytes. */
  static final int MAX_NAME_LENGTH = 200;

  /**
   * A scenario's name names its default output folder ({@code out/<name>/}), so it may not lead out
   * of {@code out/}, hold a path separator, or be too long for a file name.
   */
  private static void checkName(Fields f, YamlNode node, String name) {
    String why =
        name.isBlank()
            ? "must not be empty: it names the output folder"
            : name.contains("/") || name.contains("\\") || name.contains("\0")
                ? "must not contain / or \\ : it names the output folder out/<name>/"
                : name.equals(".") || name.equals("..")
                    ? "must not be . or .. : it names the output folder out/<name>/"
                    : name.length() > MAX_NAME_LENGTH
                        ? "must be at most " + MAX_NAME_LENGTH + " characters: it names a folder"
                        : "";
    if (!why.isEmpty()) {
      f.problem(node, "name", why + ", was \"" + name + "\"");
    }
  }

  /** The file name without its extension: the scenario name when it gives none. */
  private static String baseName(String file) {
    String name = Path.of(file).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
