package io.capsim.experiment;

import io.capsim.scenario.Scenario;
import java.util.List;

/**
 * Where a scenario's runs execute: {@link Runner}'s thread pool here; an executor that ships them
 * to other machines sends {@link Scenario#source()} and each {@link RunTask}, which are plain
 * serializable values, and gets {@link RunOutput}s back. Each run is a pure function of its task
 * and the scenario, so every executor gives the same outputs.
 */
public interface RunExecutor {
  /**
   * Runs every task of {@code scenario} and returns their outputs in task order, handing each run's
   * job records to {@code jobs} (opened for the run, closed when it ends), and telling {@code
   * progress} how many have finished so far and, where it can, how far the running ones have got
   * (from any thread).
   *
   * @throws IllegalArgumentException (or another runtime exception) when a run fails, as the run
   *     threw it
   */
  List<RunOutput> execute(Scenario scenario, List<RunTask> tasks, JobSink jobs, Progress progress)
      throws InterruptedException;
}
