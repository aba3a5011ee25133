package io.capsim.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the engine benchmarks in one JMH run and judges them by ratios measured side by side, never
 * by absolute times (the machines are shared and noisy). Prints the README's Performance tables and
 * exits 1 if a target is missed. Any JMH option may be passed, e.g. {@code -rf json -rff out.json}.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.capsim.bench.PerformanceReport}</pre>
 */
public final class PerformanceReport {
  private static final String[] QUEUES = {
    "capsim", "capsim-binary", "capsim-4ary", "primitive-heap", "jdk", "ssj-splay", "ssj-henriksen"
  };
  private static final String[] PENDING = {"1000", "100000"};

  private final BenchmarkResults results;
  private final List<String> missed = new ArrayList<>();

  /** Whether the trace replay was among the benchmarks run: without a result, it failed. */
  private final boolean traceReplaySelected;

  PerformanceReport(Collection<RunResult> results, boolean traceReplaySelected) {
    this.results = new BenchmarkResults(results);
    this.traceReplaySelected = traceReplaySelected;
  }

  public static void main(String[] args) throws RunnerException, CommandLineOptionException {
    CommandLineOptions commandLine = new CommandLineOptions(args);
    OptionsBuilder options = new OptionsBuilder();
    options.parent(commandLine);
    if (commandLine.getIncludes().isEmpty()) {
      options
          .include(HoldModelBenchmark.class.getName())
          .include(MmcBenchmark.class.getName())
          .include(ClusterBenchmark.class.getName())
          .include(SamplingBenchmark.class.getName())
          .include(ArrivalBenchmark.class.getName())
          .include(SimPyBenchmark.class.getName())
          .include(TraceBenchmark.class.getName())
          .include(CatalogLoadBenchmark.class.getName());
    }
    Options built = options.build();
    PerformanceReport report =
        new PerformanceReport(
            new Runner(built).run(),
            selects(built, TraceBenchmark.class.getName() + ".readAndReplay"));
    System.out.println(report.render());
    System.exit(report.missed.isEmpty() ? 0 : 1);
  }

  /** Whether {@code options} run {@code benchmark}, matching its name as JMH does (find). */
  static boolean selects(Options options, String benchmark) {
    return options.getIncludes().stream()
            .anyMatch(regex -> Pattern.compile(regex).matcher(benchmark).find())
        && options.getExcludes().stream()
            .noneMatch(regex -> Pattern.compile(regex).matcher(benchmark).find());
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "JDK %s (%s), %s, %d cores%n%n",
            System.getProperty("java.vm.version"),
            System.getProperty("java.vm.name"),
            System.getProperty("os.arch"),
            Runtime.getRuntime().availableProcessors()));
    holdTable(out);
    mmcTable(out);
    new ModelTables(results, missed).render(out);
    new ReplayTables(results, missed, traceReplaySelected).render(out);
    catalogLine(out);
    out.append(missed.isEmpty() ? "All targets met.\n" : "Targets missed:\n");
    missed.forEach(m -> out.append("- ").append(m).append('\n'));
    return out.toString();
  }

  private void holdTable(StringBuilder out) {
    out.append(
        "| hold model | pending | ops/s | ± (99.9 %) | vs jdk |\n|---|---:|---:|---:|---:|\n");
    for (String pending : PENDING) {
      Optional<Result<?>> jdk = hold("jdk", pending);
      for (String queue : QUEUES) {
        hold(queue, pending).ifPresent(r -> out.append(row(queue, pending, r, jdk)));
      }
    }
    out.append('\n');
    for (String pending : PENDING) {
      require(
          "capsim vs jdk, " + pending + " pending",
          hold("capsim", pending),
          hold("jdk", pending),
          1.5);
      require(
          "capsim vs ssj-splay, " + pending + " pending",
          hold("capsim", pending),
          hold("ssj-splay", pending),
          1.0);
      require(
          "capsim vs ssj-henriksen, " + pending + " pending",
          hold("capsim", pending),
          hold("ssj-henriksen", pending),
          1.0);
      ratioLine(
          out,
          "binary vs 4-ary heap, " + pending + " pending",
          hold("capsim-binary", pending),
          hold("capsim-4ary", pending));
    }
    out.append('\n');
  }

  private void mmcTable(StringBuilder out) {
    out.append("| M/M/100, 1M customers | customers/s | ± (99.9 %) | vs hand loop |\n")
        .append("|---|---:|---:|---:|\n");
    Optional<Result<?>> hand = mmc("hand-loop");
    for (String model : new String[] {"engine", "hand-loop"}) {
      mmc(model)
          .ifPresent(
              r ->
                  out.append(
                      String.format(
                          Locale.ROOT,
                          "| %s | %,.0f | %,.0f | %s |%n",
                          model,
                          r.getScore(),
                          r.getScoreError(),
                          ratio(Optional.of(r), hand))));
    }
    out.append('\n');
    require("engine M/M/c vs hand loop", mmc("engine"), hand, 0.5);
  }

  private void catalogLine(StringBuilder out) {
    find(CatalogLoadBenchmark.class)
        .ifPresent(
            r -> {
              out.append(
                  String.format(
                      Locale.ROOT,
                      "Built-in catalog, cold load: %.0f ms ± %.0f%n%n",
                      r.getScore(),
                      r.getScoreError()));
              if (r.getScore() >= 1000) {
                missed.add(
                    String.format(
                        Locale.ROOT, "catalog load: %.0f ms, target < 1000 ms", r.getScore()));
              }
            });
  }

  private String row(String queue, String pending, Result<?> r, Optional<Result<?>> jdk) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %,.0f | %,.0f | %s |%n",
        queue,
        pending,
        r.getScore(),
        r.getScoreError(),
        ratio(Optional.of(r), jdk));
  }

  private void ratioLine(
      StringBuilder out, String what, Optional<Result<?>> a, Optional<Result<?>> b) {
    out.append(String.format(Locale.ROOT, "- %s: %s%n", what, ratio(a, b)));
  }

  private void require(String what, Optional<Result<?>> a, Optional<Result<?>> b, double atLeast) {
    if (a.isEmpty() || b.isEmpty()) {
      return;
    }
    double ratio = a.get().getScore() / b.get().getScore();
    boolean met = ratio >= atLeast;
    if (!met) {
      missed.add(String.format(Locale.ROOT, "%s: %.2fx, target >= %.2fx", what, ratio, atLeast));
    }
  }

  static String ratio(Optional<Result<?>> a, Optional<Result<?>> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2fx", a.get().getScore() / b.get().getScore());
  }

  private Optional<Result<?>> hold(String queue, String pending) {
    return find(HoldModelBenchmark.class, "queue", queue, "pending", pending);
  }

  private Optional<Result<?>> mmc(String model) {
    return find(MmcBenchmark.class, "model", model);
  }

  private Optional<Result<?>> find(Class<?> benchmark, String... paramNamesAndValues) {
    return results.find(benchmark, paramNamesAndValues);
  }
}
