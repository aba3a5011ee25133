package io.capsim.scenario;

import io.capsim.compute.OnPreemption;
import io.capsim.engine.SimTime;
import io.capsim.engine.random.Distribution;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.Speedup;
import io.capsim.workload.Workload;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Parses one entry of {@code workloads:}. */
final class WorkloadParser {
  private static final Map<String, Speedup> SPEEDUPS =
      Map.of("gpu", Speedup.GPU, "cpu", Speedup.CPU, "none", Speedup.NONE);
  private static final Map<String, OnPreemption> ON_PREEMPTION =
      Map.of("resubmit", OnPreemption.RESUBMIT, "fail", OnPreemption.FAIL);
  private static final Map<String, String> PROCESSES = new LinkedHashMap<>();
  private static final Map<String, String> PROFILES = new LinkedHashMap<>();

  static {
    for (String p : new String[] {"poisson", "periodic", "cron", "trace"}) {
      PROCESSES.put(p, p);
    }
    PROFILES.put("always", "always");
    PROFILES.put("workdays", "workdays");
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
    String compute = f.requiredString("compute", "the name of one of the computes");
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
        !fromTrace
            ? f.distributionSeconds("duration")
            : arrivals.map(
                a -> Distribution.empirical(((ArrivalProcess.Trace) a).durationSeconds()));
    if (!fromTrace && !f.has("duration")) {
      f.missing(
          "duration",
          "a duration such as 2h, or a distribution such as "
              + "{dist: lognormal, median: 2h, p95: 6h}");
    }
    String reference = f.string("reference_size").orElse(computeSizes.getOrDefault(compute, ""));
    Speedup speedup = f.choice("speedup", SPEEDUPS).orElse(Speedup.NONE);
    Optional<String> cuda = f.string("cuda");
    long checkpointSeconds =
        f.durationMicros("checkpoint_interval").orElse(0L) / SimTime.MICROS_PER_SECOND;
    OnPreemption onPreemption =
        f.choice("on_preemption", ON_PREEMPTION).orElse(OnPreemption.RESUBMIT);
    boolean interactive = f.bool("interactive").orElse(false);
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
            checkpointSeconds,
            onPreemption,
            interactive));
  }

  private static Optional<ArrivalProcess> arrivals(
      Fields f, ZoneId zone, Instant epoch, TraceContext traces, String computeSize) {
    if (f.has("trace")) {
      Optional<ArrivalProcess> trace = traces.read(f, computeSize);
      f.finish();
      return trace;
    }
    Optional<String> process = f.choice("process", PROCESSES);
    if (process.isEmpty()) {
      if (!f.has("process")) {
        f.missing("process", "poisson or periodic");
      }
      f.finish();
      return Optional.empty();
    }
    Optional<ArrivalProcess> result =
        switch (process.get()) {
          case "poisson" -> poisson(f, zone, epoch);
          case "periodic" -> periodic(f);
          default -> {
            f.problem(
                f.node("process").orElseThrow(),
                "process",
                process.get() + " arrivals are not supported yet; use poisson or periodic");
            yield Optional.empty();
          }
        };
    f.finish();
    return result;
  }

  private static Optional<ArrivalProcess> poisson(Fields f, ZoneId zone, Instant epoch) {
    Optional<Double> rate = f.ratePerSecond("rate");
    if (!f.has("rate")) {
      f.missing("rate", "a rate such as 40/day");
    }
    String profile = f.choice("profile", PROFILES).orElse("always");
    return rate.map(
        r ->
            profile.equals("workdays")
                ? new ArrivalProcess.Profiled(r, ArrivalProcess.Profiled.workdays(), zone, epoch)
                : new ArrivalProcess.Poisson(r));
  }

  private static Optional<ArrivalProcess> periodic(Fields f) {
    Optional<Long> every = f.durationMicros("every");
    if (!f.has("every")) {
      f.missing("every", "a duration such as 1d");
    }
    long offset = f.durationMicros("offset").orElse(0L);
    return every.filter(e -> e > 0).map(e -> new ArrivalProcess.Periodic(e, offset));
  }
}
