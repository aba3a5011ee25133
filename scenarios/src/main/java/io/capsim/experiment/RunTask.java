package io.capsim.experiment;

import io.capsim.scenario.Scenario;
import java.io.Serializable;
import java.util.Comparator;

/**
 * One run to execute: a sweep point and a replication of the scenario the executor was given, and
 * whether to record every job.
 */
public record RunTask(int point, int replication, boolean withJobs) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Runs by point, then replication: the order of every result that lists runs. */
  public static final Comparator<RunTask> IN_ORDER =
      Comparator.comparingInt(RunTask::point).thenComparingInt(RunTask::replication);

  /**
   * Builds and runs the model this task names in {@code scenario}, handing each job's record to
   * {@code jobs} as it leaves its compute if the task is {@link #withJobs}.
   */
  public RunOutput runIn(Scenario scenario, JobSink.RunJobs jobs) {
    return runIn(scenario, jobs, fraction -> {});
  }

  /** As {@link #runIn(Scenario, JobSink.RunJobs)}, telling {@code simulated} how far it has got. */
  public RunOutput runIn(
      Scenario scenario, JobSink.RunJobs jobs, java.util.function.DoubleConsumer simulated) {
    ScenarioModel model = new ScenarioModel(scenario, scenario.points().get(point), replication);
    if (withJobs) {
      model.recordJobs(jobs::add, point, replication);
    }
    return new RunOutput(model.run(simulated));
  }
}
