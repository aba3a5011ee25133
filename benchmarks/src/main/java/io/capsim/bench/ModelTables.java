package io.capsim.bench;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.openjdk.jmh.results.Result;

/**
 * The compute model's tables of the performance report: the cluster against its hand-written loop
 * (the ratio from the interleaved runs), sampling against commons-math3, profiled arrivals against
 * Poisson ones. Misses go to the report's list.
 */
final class ModelTables {
  /** ClusterBenchmark's (and SimPyBenchmark's) maxNodes, in the order the tables list them. */
  static final String[] CLUSTER_NODES = {"1000", "20"};

  private static final String[] DISTRIBUTIONS = {"exponential", "lognormal", "uniform"};
  private static final String[] RATES = {"800", "1.6667"};
  private static final double CLUSTER_TARGET = 0.8;
  private static final double PROFILE_COST_TARGET = 1.1;

  private final BenchmarkResults results;
  private final List<String> missed;

  ModelTables(BenchmarkResults results, List<String> missed) {
    this.results = results;
    this.missed = missed;
  }

  void render(StringBuilder out) {
    clusterTable(out);
    samplingTable(out);
    arrivalTable(out);
  }

  private void clusterTable(StringBuilder out) {
    out.append("| cluster, ~1M jobs | capsim jobs/s | hand loop jobs/s | capsim / hand loop,")
        .append(" interleaved |\n|---|---:|---:|---:|\n");
    for (String nodes : CLUSTER_NODES) {
      Optional<Result<?>> capsim = cluster("capsim", nodes);
      Optional<Result<?>> hand = cluster("handLoop", nodes);
      Optional<SideBySideRatio> ratio = interleavedRatio(nodes);
      out.append(
          String.format(
              Locale.ROOT,
              "| up to %s nodes | %s | %s | %s |%n",
              nodes,
              score(capsim),
              score(hand),
              ratio.map(SideBySideRatio::format).orElse("n/a")));
      ratio
          .map(SideBySideRatio::value)
          .filter(r -> r < CLUSTER_TARGET)
          .ifPresent(
              r ->
                  missed.add(
                      String.format(
                          Locale.ROOT,
                          "cluster (%s nodes) vs hand loop: %.2fx, target >= %.2fx",
                          nodes,
                          r,
                          CLUSTER_TARGET)));
    }
    out.append('\n');
  }

  /** The hand loop's time over capsim's, both measured in the same invocations. */
  private Optional<SideBySideRatio> interleavedRatio(String nodes) {
    return results.counterRatio(
        ClusterBenchmark.class, "interleaved", "handLoopNanos", "capsimNanos", "maxNodes", nodes);
  }

  private void samplingTable(StringBuilder out) {
    out.append("| draw | capsim (Commons RNG) draws/s | commons-math3 draws/s | ratio |\n")
        .append("|---|---:|---:|---:|\n");
    for (String distribution : DISTRIBUTIONS) {
      Optional<Result<?>> capsim = sampling("capsim", distribution);
      Optional<Result<?>> math3 = sampling("commons-math3", distribution);
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s |%n",
              distribution,
              score(capsim),
              score(math3),
              PerformanceReport.ratio(capsim, math3)));
    }
    out.append('\n');
  }

  private void arrivalTable(StringBuilder out) {
    out.append("| arrivals | per hour | arrivals/s | cost vs poisson, interleaved |\n")
        .append("|---|---:|---:|---:|\n");
    for (String rate : RATES) {
      for (String profile : new String[] {"poisson", "workdays", "weekly-table"}) {
        Optional<SideBySideRatio> cost = arrivalCost(profile, rate);
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s |%n",
                profile,
                rate,
                score(
                    results.method(
                        ArrivalBenchmark.class, "next", "profile", profile, "perHour", rate)),
                cost.map(SideBySideRatio::format).orElse("n/a")));
        if (rate.equals(RATES[0]) && !profile.equals("poisson")) {
          cost.map(SideBySideRatio::value)
              .filter(c -> c > PROFILE_COST_TARGET)
              .ifPresent(
                  c ->
                      missed.add(
                          String.format(
                              Locale.ROOT,
                              "%s arrival at %s/h: %.2fx a Poisson one, target <= %.2fx",
                              profile,
                              rate,
                              c,
                              PROFILE_COST_TARGET)));
        }
      }
    }
    out.append('\n');
  }

  /**
   * The profile's time over the Poisson process's, both drawn in the same invocations (1.00 for the
   * Poisson process against itself, a check on the method).
   */
  private Optional<SideBySideRatio> arrivalCost(String profile, String rate) {
    return results.counterRatio(
        ArrivalBenchmark.class,
        "interleaved",
        "profiledNanos",
        "poissonNanos",
        "profile",
        profile,
        "perHour",
        rate);
  }

  private Optional<Result<?>> cluster(String method, String nodes) {
    return results.method(ClusterBenchmark.class, method, "maxNodes", nodes);
  }

  private Optional<Result<?>> sampling(String library, String distribution) {
    return results.find(SamplingBenchmark.class, "library", library, "distribution", distribution);
  }

  private static String score(Optional<Result<?>> result) {
    return result.map(r -> String.format(Locale.ROOT, "%,.0f", r.getScore())).orElse("n/a");
  }
}
