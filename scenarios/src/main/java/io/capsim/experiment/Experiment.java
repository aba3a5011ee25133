package io.capsim.experiment;

import io.capsim.engine.SimTime;
import io.capsim.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code capsim run} use case without its files: runs every point and replication of a scenario
 * on an executor and hands back the results, the metric table and the one recommendation computed
 * from them at full precision, which the console, {@code recommendation.yaml} and {@code
 * report.html} all show.
 */
public final class Experiment {
  private final RunResults results;
  private final MetricTable table;
  private final Recommendation recommendation;

  private Experiment(RunResults results) {
    this.results = results;
    this.table = MetricTable.of(results);
    this.recommendation = Recommendation.of(results.scenario(), table);
  }

  /**
   * Runs {@code scenario} on {@code executor}, handing every job's record to {@code jobs} ({@link
   * JobSink#NONE} for none); {@code onRunDone} is told how many runs have finished.
   */
  public static Experiment run(
      Scenario scenario, RunExecutor executor, JobSink jobs, Progress progress)
      throws InterruptedException {
    return new Experiment(RunResults.of(scenario, executor, jobs, progress));
  }

  public Scenario scenario() {
    return results.scenario();
  }

  public RunResults results() {
    return results;
  }

  public MetricTable table() {
    return table;
  }

  public Recommendation recommendation() {
    return recommendation;
  }

  /**
   * Runs the recommended and the baseline point once more (replication 0, so the same numbers) and
   * captures a representative week, the first after warm-up, for the timeline and wait charts:
   * {@code recommended} and, when it is another point, {@code baseline}, each with its point.
   */
  public Map<String, Map.Entry<Integer, Capture>> captureRepresentativeWeek() {
    Scenario scenario = scenario();
    long from = scenario.warmupMicros();
    long to = Math.min(scenario.horizonMicros(), from + 7 * SimTime.MICROS_PER_DAY);
    long every = Math.max(SimTime.MICROS_PER_MINUTE, (to - from) / 2016);
    Map<String, Map.Entry<Integer, Capture>> captures = new LinkedHashMap<>();
    captures.put("recommended", capture(recommendation.winner(), from, to, every));
    if (recommendation.baseline() != recommendation.winner()) {
      captures.put("baseline", capture(recommendation.baseline(), from, to, every));
    }
    return captures;
  }

  private Map.Entry<Integer, Capture> capture(int point, long from, long to, long every) {
    Scenario scenario = scenario();
    return Map.entry(
        point,
        new ScenarioModel(scenario, scenario.points().get(point), 0).runCapturing(from, to, every));
  }
}
