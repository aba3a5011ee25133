package io.capsim.experiment;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.Metric;
import io.capsim.engine.stat.Tally;
import io.capsim.scenario.Scenario;
import java.util.List;
import java.util.Map;

/**
 * Every metric of every run: (sweep point, replication, compute) to value. Built from the runs in
 * memory, or filled from a finished run's {@code replications.csv}, so that a report can be rebuilt
 * without simulating again.
 */
@SuppressWarnings("EnumOrdinal") // a dense array indexed by metric, in Metric's order
public final class MetricTable {
  private final List<String> computes;
  private final List<Metric> metrics;
  private final int replications;
  private final double[][][][] values;
  // Which computes each point has: a point leaves out the alternatives its workloads do not use.
  private final boolean[][] present;

  private MetricTable(List<String> computes, List<Metric> metrics, int points, int replications) {
    this.computes = List.copyOf(computes);
    this.metrics = List.copyOf(metrics);
    this.replications = replications;
    this.values = new double[points][replications][computes.size()][Metric.values().length];
    this.present = new boolean[points][computes.size()];
    for (double[][][] point : values) {
      for (double[][] replication : point) {
        for (double[] compute : replication) {
          java.util.Arrays.fill(compute, Double.NaN);
        }
      }
    }
  }

  public static MetricTable of(RunResults results) {
    Scenario scenario = results.scenario();
    java.util.Set<String> simulated = new java.util.HashSet<>();
    for (int p = 0; p < scenario.points().size(); p++) {
      simulated.addAll(results.computes(p));
    }
    List<String> computes =
        scenario.computes().stream()
            .map(io.capsim.scenario.ComputeDef::name)
            .filter(simulated::contains)
            .toList();
    MetricTable table =
        new MetricTable(
            computes, results.metrics(), scenario.points().size(), scenario.replications());
    for (int p = 0; p < scenario.points().size(); p++) {
      for (int r = 0; r < scenario.replications(); r++) {
        for (Map.Entry<String, ComputeStats> run : results.run(p, r).entrySet()) {
          for (Metric metric : table.metrics) {
            table.set(p, r, run.getKey(), metric, metric.of(run.getValue()));
          }
        }
      }
    }
    return table;
  }

  /**
   * An empty table of {@code points} x {@code replications} runs of {@code computes}, to be filled
   * with {@link #set}, e.g. from a finished run's files.
   */
  public static MetricTable empty(
      List<String> computes, List<Metric> metrics, int points, int replications) {
    return new MetricTable(computes, metrics, points, replications);
  }

  /** The metrics the table holds, in column order; any other reads as NaN. */
  public List<Metric> metrics() {
    return metrics;
  }

  /** Sets one run's value of one metric for one compute. */
  public void set(int point, int replication, String compute, Metric metric, double value) {
    int c = computes.indexOf(compute);
    if (c < 0) {
      throw new IllegalArgumentException(compute + " is not one of " + computes);
    }
    values[point][replication][c][metric.ordinal()] = value;
    present[point][c] = true;
  }

  /** Every compute of some point, in scenario order. */
  public List<String> computes() {
    return computes;
  }

  /** The computes point {@code point} simulates, in scenario order. */
  public List<String> computes(int point) {
    List<String> result = new java.util.ArrayList<>();
    for (int c = 0; c < computes.size(); c++) {
      if (present[point][c]) {
        result.add(computes.get(c));
      }
    }
    return result;
  }

  public int points() {
    return values.length;
  }

  public int replications() {
    return replications;
  }

  public double value(int point, int replication, String compute, Metric metric) {
    return values[point][replication][computes.indexOf(compute)][metric.ordinal()];
  }

  /** The metric summed over every compute of the point, in one replication. */
  public double total(int point, int replication, Metric metric) {
    double sum = 0;
    for (int c = 0; c < computes.size(); c++) {
      if (present[point][c]) {
        sum += values[point][replication][c][metric.ordinal()];
      }
    }
    return sum;
  }

  /** The metric's values over replications for one compute. */
  public Tally tally(int point, String compute, Metric metric) {
    Tally tally = new Tally();
    for (int r = 0; r < replications; r++) {
      tally.record(value(point, r, compute, metric));
    }
    return tally;
  }

  /** The total over computes, tallied over replications. */
  public Tally totalTally(int point, Metric metric) {
    Tally tally = new Tally();
    for (int r = 0; r < replications; r++) {
      tally.record(total(point, r, metric));
    }
    return tally;
  }
}
