package io.capsim.experiment;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.Metric;
import io.capsim.engine.stat.Tally;
import io.capsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every run of a scenario: for each sweep point and replication, each compute's statistics; and,
 * per point and compute, each metric's mean and 95 % confidence half-width over replications.
 */
public final class RunResults {
  private final Scenario scenario;
  private final List<List<Map<String, ComputeStats>>> byPointThenReplication;
  private final List<Metric> metrics;

  RunResults(Scenario scenario, List<List<Map<String, ComputeStats>>> byPointThenReplication) {
    this.scenario = scenario;
    this.byPointThenReplication = byPointThenReplication;
    List<ComputeStats> all = new ArrayList<>();
    byPointThenReplication.forEach(point -> point.forEach(run -> all.addAll(run.values())));
    this.metrics = Metric.reportedByAny(all);
  }

  /** The metrics some compute of some run reports, in column order: the tables' columns. */
  public List<Metric> metrics() {
    return metrics;
  }

  /**
   * Executes every (point, replication) of {@code scenario} on {@code executor}, points in order
   * and each point's replications in order, and gathers their outputs; each run's job records go to
   * {@code jobs}.
   */
  public static RunResults of(
      Scenario scenario, RunExecutor executor, JobSink jobs, Progress progress)
      throws InterruptedException {
    int replications = scenario.replications();
    List<RunTask> tasks = new ArrayList<>();
    for (int p = 0; p < scenario.points().size(); p++) {
      for (int r = 0; r < replications; r++) {
        tasks.add(new RunTask(p, r, jobs.keepsJobs()));
      }
    }
    List<RunOutput> outputs = executor.execute(scenario, tasks, jobs, progress);
    if (outputs.size() != tasks.size()) {
      throw new IllegalStateException(
          "the executor returned " + outputs.size() + " outputs for " + tasks.size() + " runs");
    }
    List<List<Map<String, ComputeStats>>> byPoint = new ArrayList<>();
    for (int p = 0; p < scenario.points().size(); p++) {
      List<Map<String, ComputeStats>> runs = new ArrayList<>();
      for (RunOutput output : outputs.subList(p * replications, (p + 1) * replications)) {
        runs.add(output.stats());
      }
      byPoint.add(runs);
    }
    return new RunResults(scenario, byPoint);
  }

  public Scenario scenario() {
    return scenario;
  }

  /** The statistics of one run. */
  public Map<String, ComputeStats> run(int point, int replication) {
    return byPointThenReplication.get(point).get(replication);
  }

  /** Mean and half-width of each of {@link #metrics()}, for one point and compute. */
  public Map<Metric, Summary> summary(int point, String compute) {
    Map<Metric, Tally> tallies = new EnumMap<>(Metric.class);
    for (Metric metric : metrics) {
      tallies.put(metric, new Tally());
    }
    for (Map<String, ComputeStats> run : byPointThenReplication.get(point)) {
      ComputeStats stats = Objects.requireNonNull(run.get(compute), compute);
      tallies.forEach((metric, tally) -> tally.record(metric.of(stats)));
    }
    Map<Metric, Summary> summary = new EnumMap<>(Metric.class);
    tallies.forEach(
        (metric, tally) -> summary.put(metric, new Summary(tally.mean(), tally.halfWidth95())));
    return summary;
  }

  /** The computes of a point, in scenario order. */
  public List<String> computes(int point) {
    return new ArrayList<>(byPointThenReplication.get(point).get(0).keySet());
  }

  /** A metric's mean over replications and the half-width of its 95 % confidence interval. */
  public record Summary(double mean, double halfWidth95) {}

  /** Rows for display: point index, compute, the metric summaries. */
  public Map<String, Map<Metric, Summary>> summaries(int point) {
    Map<String, Map<Metric, Summary>> rows = new LinkedHashMap<>();
    computes(point).forEach(c -> rows.put(c, summary(point, c)));
    return rows;
  }
}
