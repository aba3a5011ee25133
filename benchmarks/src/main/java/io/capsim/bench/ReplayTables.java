package io.capsim.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.results.Result;

/**
 * The performance report's tables of whole replays: capsim's cluster against the same model in
 * SimPy (jobs per second, from the side-by-side turns), and a 10 M-job SWF trace read and replayed
 * in a 512 MB heap. Misses go to the report's list.
 */
final class ReplayTables {
  private static final double SIMPY_TARGET = 30;

  private final BenchmarkResults results;
  private final List<String> missed;

  private final boolean traceReplaySelected;

  /**
   * @param traceReplaySelected whether the trace replay ran, so that a missing result means it
   *     failed rather than that it was left out
   */
  ReplayTables(BenchmarkResults results, List<String> missed, boolean traceReplaySelected) {
    this.results = results;
    this.missed = missed;
    this.traceReplaySelected = traceReplaySelected;
  }

  void render(StringBuilder out) {
    simPyTable(out);
    traceTable(out);
  }

  private void simPyTable(StringBuilder out) {
    out.append("| cluster | capsim jobs/s | SimPy 2.3.1 jobs/s | capsim / SimPy |\n")
        .append("|---|---:|---:|---:|\n");
    for (String nodes : ModelTables.CLUSTER_NODES) {
      Optional<Double> capsim = jobsPerSecond("capsimJobs", "capsimNanos", nodes);
      Optional<Double> simpy = jobsPerSecond("simpyJobs", "simpyNanos", nodes);
      Optional<Double> ratio = capsim.flatMap(c -> simpy.map(s -> c / s));
      out.append(
          String.format(
              Locale.ROOT,
              "| up to %s nodes | %s | %s | %s |%n",
              nodes,
              capsim.map(ReplayTables::whole).orElse("n/a"),
              simpy.map(ReplayTables::whole).orElse("n/a"),
              ratio.map(r -> String.format(Locale.ROOT, "%.1fx", r)).orElse("n/a")));
      ratio
          .filter(r -> r < SIMPY_TARGET)
          .ifPresent(
              r ->
                  missed.add(
                      String.format(
                          Locale.ROOT,
                          "cluster (%s nodes) vs SimPy: %.1fx, target >= %.0fx",
                          nodes,
                          r,
                          SIMPY_TARGET)));
    }
    out.append('\n');
  }

  private Optional<Double> jobsPerSecond(String jobs, String nanos, String nodes) {
    return results
        .counterRatio(SimPyBenchmark.class, "sideBySide", jobs, nanos, "maxNodes", nodes)
        .map(perNano -> perNano.value() * 1e9);
  }

  private void traceTable(StringBuilder out) {
    out.append("| replay | seconds | heap after reading | jobs completed |\n")
        .append("|---|---:|---:|---:|\n");
    Optional<Result<?>> time = results.method(TraceBenchmark.class, "readAndReplay");
    out.append(
        String.format(
            Locale.ROOT,
            "| 10 M-job SWF, -Xmx512m | %s | %s MiB | %s |%n%n",
            time.map(r -> String.format(Locale.ROOT, "%.1f", r.getScore()))
                .orElse(traceReplaySelected ? "failed" : "not run"),
            counter("usedAfterReadMiB").map(ReplayTables::whole).orElse("n/a"),
            counter("jobsCompleted").map(ReplayTables::whole).orElse("n/a")));
    if (time.isEmpty() && traceReplaySelected) {
      missed.add("the 10 M-job trace did not replay within -Xmx512m");
    }
  }

  private Optional<Double> counter(String name) {
    return results.counter(TraceBenchmark.class, "readAndReplay", name).map(Result::getScore);
  }

  private static String whole(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }
}
