package io.capsim.scenario;

import io.capsim.catalog.CudaCheck;
import io.capsim.catalog.Requirements;
import io.capsim.compute.OnPreemption;
import io.capsim.engine.random.Distribution;
import io.capsim.scenario.yaml.Problem;
import io.capsim.scenario.yaml.YamlNode;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.Speedup;
import io.capsim.workload.Trace;
import io.capsim.workload.Workload;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Parses one entry of {@code workloads:}. */
final class WorkloadParser {
  // Ordered, so that "expected one of ..." lists them the same way in every JVM (Map.of does not).
  private static final Map<String, Speedup> SPEEDUPS =
      Fields.choices(Speedup.values(), s -> s.name().toLowerCase(Locale.ROOT));
  private static final Map<String, OnPreemption> ON_PREEMPTION =
      Fields.choices(OnPreemption.values(), OnPreemption::key);
  private static final Map<String, ArrivalKind> PROCESSES =
      Fields.choices(ArrivalKind.values(), ArrivalKind::key);
  private static final Map<String, Profile> PROFILES =
      Fields.choices(Profile.values(), Profile::key);

  /** A named weekly profile of a Poisson process's rate. */
  @SuppressWarnings("ImmutableEnumChecker") // each maker is a stateless constructor call
  enum Profile {
    ALWAYS("always", (rate, zone, epoch) -> new ArrivalProcess.Poisson(rate)),
    WORKDAYS(
        "workdays",
        (rate, zone, epoch) ->
            new ArrivalProcess.Profiled(rate, ArrivalProcess.Profiled.workdays(), zone, epoch));

    @FunctionalInterface
    interface Maker {
      ArrivalProcess make(double perSecond, ZoneId zone, Instant epoch);
    }

    private final String key;
    private final Maker maker;

    Profile(String key, Maker maker) {
      this.key = key;
      this.maker = maker;
    }

    String key() {
      return key;
    }
  }

  private WorkloadParser() {}

  /**
   * The workload {@code f} describes; {@code computeSizes} maps each compute's name to its size,
   * the default reference size.
   */
  static Optional<Workload> parse(
      Fields f, Map<String, String> computeSizes, ZoneId zone, Instant epoch, TraceContext traces) {
    int before = f.problems().size();
    String name = f.requiredString("name", "a name for the workload");
    String compute =
        f.requiredString(
            "compute",
            "the name of one of the computes (" + String.join(", ", computeSizes.keySet()) + ")");
    if (!compute.isEmpty() && !computeSizes.containsKey(compute)) {
      f.problem(
          f.node("compute").orElseThrow(),
          "compute",
          "no compute is named \""
              + compute
              + "\""
              + io.capsim.catalog.Suggestions.didYouMean(compute, computeSizes.keySet()));
    }
    Optional<ArrivalProcess> arrivals =
        f.node("arrivals")
            .flatMap(
                n ->
                    arrivals(
                        f.child("arrivals", n),
                        zone,
                        epoch,
                        traces,
                        computeSizes.getOrDefault(compute, "")));
    boolean fromTrace =
        f.node("arrivals")
            .map(n -> n instanceof YamlNode.YamlMap m && m.entries().containsKey("trace"))
            .orElse(false);
    if (fromTrace) {
      for (String key : List.of("duration", "instance_count")) {
        f.node(key).ifPresent(n -> f.problem(n, key, "comes from the trace; remove it"));
      }
    }
    if (!f.has("arrivals")) {
      f.missing("arrivals", "{process: poisson, rate: 40/day} or another arrival process");
    }
    int instanceCount = f.integer("instance_count", 1, 100_000).orElse(1L).intValue();
    Optional<Distribution> duration =
        !fromTrace ? f.distributionSeconds("duration") : arrivals.map(a -> ((Trace) a).durations());
    if (!fromTrace && !f.has("duration")) {
      f.missing(
          "duration",
          "a duration such as 2h, or a distribution such as "
              + "{dist: lognormal, median: 2h, p95: 6h}");
    }
    String reference = f.string("reference_size").orElse(computeSizes.getOrDefault(compute, ""));
    Speedup speedup = f.choice("speedup", SPEEDUPS).orElse(Speedup.NONE);
    Optional<String> cuda = f.string("cuda").filter(version -> cudaVersion(f, version));
    long checkpointMicros = f.durationMicros("checkpoint_interval").orElse(0L);
    OnPreemption onPreemption =
        f.choice("on_preemption", ON_PREEMPTION).orElse(OnPreemption.RESUBMIT);
    boolean interactive = f.bool("interactive").orElse(false);
    Requirements requires =
        f.node("requires")
            .map(n -> requirements(f.child("requires", n)))
            .orElse(Requirements.none());
    f.finish();
    if (f.problems().size() > before || arrivals.isEmpty() || duration.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Workload(
            name,
            compute,
            arrivals.get(),
            instanceCount,
            duration.get(),
            reference,
            speedup,
            cuda,
            checkpointMicros,
            onPreemption,
            interactive,
            requires));
  }

  /** {@code requires: {memory_gb: 64, gpu_memory_gb: 40, gpus: 2}}: what one node must have. */
  private static Requirements requirements(Fields f) {
    OptionalDouble memory =
        f.number("memory_gb", 0).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    OptionalDouble gpuMemory =
        f.number("gpu_memory_gb", 0).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    OptionalInt gpus =
        f.integer("gpus", 1, 1024)
            .map(g -> OptionalInt.of(g.intValue()))
            .orElse(OptionalInt.empty());
    f.finish();
    return new Requirements(memory, gpuMemory, gpus);
  }

  private static Optional<ArrivalProcess> arrivals(
      Fields f, ZoneId zone, Instant epoch, TraceContext traces, String computeSize) {
    if (f.has("trace")) {
      Optional<ArrivalProcess> trace = traces.read(f, computeSize);
      f.finish();
      return trace;
    }
    Optional<ArrivalKind> process = f.choice("process", PROCESSES);
    if (process.isEmpty()) {
      if (!f.has("process")) {
        f.missing("process", "poisson or periodic");
      }
      f.finish();
      return Optional.empty();
    }
    Optional<ArrivalProcess> result = process.get().parse(f, zone, epoch);
    f.finish();
    return result;
  }

  static Optional<ArrivalProcess> poisson(Fields f, ZoneId zone, Instant epoch) {
    Optional<Double> rate = f.ratePerSecond("rate");
    if (!f.has("rate")) {
      f.missing("rate", "a rate such as 40/day");
    }
    Optional<YamlNode> profileNode = f.node("profile");
    if (profileNode.isPresent() && profileNode.get() instanceof YamlNode.YamlList table) {
      Optional<double[]> multipliers = weeklyTable(f, table);
      return rate.flatMap(
          r -> multipliers.map(m -> new ArrivalProcess.Profiled(r, m, zone, epoch)));
    }
    Profile profile = f.choice("profile", PROFILES).orElse(Profile.ALWAYS);
    return rate.map(r -> profile.maker.make(r, zone, epoch));
  }

  /** Seven rows (Monday first) of 24 hourly multipliers of the rate, in the scenario's zone. */
  private static Optional<double[]> weeklyTable(Fields f, YamlNode.YamlList table) {
    if (table.items().size() != 7) {
      f.problem(
          table,
          "profile",
          "a weekly profile has 7 rows (Monday to Sunday) of 24 hourly"
              + " multipliers, was "
              + table.items().size()
              + " rows");
      return Optional.empty();
    }
    double[] multipliers = new double[ArrivalProcess.Profiled.HOURS_PER_WEEK];
    boolean ok = true;
    for (int day = 0; day < 7; day++) {
      YamlNode row = table.items().get(day);
      if (!(row instanceof YamlNode.YamlList hours) || hours.items().size() != 24) {
        f.problem(
            row,
            "profile[" + day + "]",
            "expected 24 hourly multipliers, was "
                + (row instanceof YamlNode.YamlList l
                    ? l.items().size() + " values"
                    : row.describe()));
        ok = false;
        continue;
      }
      for (int hour = 0; hour < 24; hour++) {
        Optional<Double> multiplier =
            f.number(hours.items().get(hour), "profile[" + day + "][" + hour + "]", 0);
        multipliers[day * 24 + hour] = multiplier.orElse(0.0);
        ok &= multiplier.isPresent();
      }
    }
    if (ok && java.util.Arrays.stream(multipliers).sum() == 0) {
      f.problem(table, "profile", "must have some hour with a multiplier above 0");
      ok = false;
    }
    return ok ? Optional.of(multipliers) : Optional.empty();
  }

  static Optional<ArrivalProcess> cron(Fields f, ZoneId zone, Instant epoch) {
    String expression =
        f.requiredString("expression", "a 5-field cron expression such as" + " \"0 2 * * *\"");
    ZoneId cronZone =
        f.string("time_zone").flatMap(z -> ComputeParser.zone(f, "time_zone", z)).orElse(zone);
    if (expression.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ArrivalProcess.Scheduled(new io.capsim.engine.Cron(expression, cronZone), epoch));
    } catch (IllegalArgumentException e) {
      f.problem(f.node("expression").orElseThrow(), "expression", Problem.reason(e));
      return Optional.empty();
    }
  }

  static Optional<ArrivalProcess> periodic(Fields f) {
    Optional<Long> every = f.durationMicros("every");
    if (!f.has("every")) {
      f.missing("every", "a duration such as 1d");
    }
    long offset = f.durationMicros("offset").orElse(0L);
    return every.filter(e -> e > 0).map(e -> new ArrivalProcess.Periodic(e, offset));
  }

  private static boolean cudaVersion(Fields f, String version) {
    try {
      CudaCheck.parse(version);
      return true;
    } catch (IllegalArgumentException e) {
      f.problem(f.node("cuda").orElseThrow(), "cuda", Problem.reason(e));
      return false;
    }
  }
}
