package io.capsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.JobResults;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-job records of a run, by hand: one node, two-hour jobs every hour from 0, a five-hour
 * horizon, nodes ready the moment they are asked for.
 */
class JobRecordsTest {
  private static final String SCENARIO =
      """
      name: records
      region: eastus
      horizon: 5h
      replications: 1
      computes:
        - name: cpu
          type: amlcompute
          size: Standard_D4s_v3
          max_instances: 1
          provisioning_time: 0s
      workloads:
        - {name: jobs, compute: cpu, arrivals: {process: periodic, every: 1h}, duration: 2h}
      """;

  @Test
  void everyJob_withItsWaitInMicroseconds_andTheUnfinishedWithTheirState() {
    // Jobs at 0, 1, ..., 5 h, each 2 h on the one node: job 0 runs 0-2 h, job 1 2-4 h, job 2
    // from 4 h and is running at the horizon; jobs 3, 4 and 5 (submitted at 5 h) wait.
    Scenario scenario =
        ScenarioLoader.parse("records.yaml", SCENARIO.getBytes(StandardCharsets.UTF_8));
    ScenarioModel model = new ScenarioModel(scenario, scenario.points().get(0), 0);
    List<JobRecord> records = new ArrayList<>();
    model.recordJobs(records::add, 7, 9);
    Map<String, ComputeStats> stats = model.run();
    List<String> rows =
        records.stream()
            .map(
                r ->
                    r.point()
                        + "/"
                        + r.replication()
                        + " "
                        + r.compute()
                        + " "
                        + r.workload()
                        + " #"
                        + r.job()
                        + " x"
                        + r.instanceCount()
                        + " "
                        + r.submittedSeconds()
                        + " "
                        + r.startedSeconds()
                        + " "
                        + r.waitSeconds()
                        + " "
                        + r.finishedSeconds()
                        + " "
                        + r.outcome())
            .toList();
    assertThat(rows)
        .containsExactly(
            "7/9 cpu jobs #0 x1 0.0 0.0 0.0 7200.0 completed",
            "7/9 cpu jobs #1 x1 3600.0 7200.0 3600.0 14400.0 completed",
            "7/9 cpu jobs #3 x1 10800.0 NaN NaN NaN queued at the horizon",
            "7/9 cpu jobs #4 x1 14400.0 NaN NaN NaN queued at the horizon",
            "7/9 cpu jobs #5 x1 18000.0 NaN NaN NaN queued at the horizon",
            "7/9 cpu jobs #2 x1 7200.0 14400.0 7200.0 NaN running at the horizon");
    JobResults jobs = java.util.Objects.requireNonNull(stats.get("cpu")).jobs();
    assertThat(jobs.jobsQueuedAtEnd()).isEqualTo(3);
    assertThat(jobs.jobsRunningAtEnd()).isEqualTo(1);
    assertThat(jobs.jobsCompleted()).isEqualTo(2);
  }
}
