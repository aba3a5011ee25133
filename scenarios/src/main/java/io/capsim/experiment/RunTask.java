package io.capsim.experiment;

import java.io.Serializable;

/**
 * One run to execute: a sweep point and a replication of the scenario the executor was given, and
 * whether to keep every job's record.
 */
public record RunTask(int point, int replication, boolean withJobs) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Builds and runs the model this task names in {@code scenario}. */
  public RunOutput runIn(io.capsim.scenario.Scenario scenario) {
    ScenarioModel model = new ScenarioModel(scenario, scenario.points().get(point), replication);
    java.util.List<JobRecord> jobs = new java.util.ArrayList<>();
    if (withJobs) {
      model.recordJobs(jobs, point, replication);
    }
    return new RunOutput(model.run(), jobs);
  }
}
