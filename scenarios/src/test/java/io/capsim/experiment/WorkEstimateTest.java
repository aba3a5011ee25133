package io.capsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The work a run asks for, worked out before it starts, and a queue that can only grow, stopped.
 */
class WorkEstimateTest {
  private static Scenario scenario(String text) {
    return ScenarioLoader.parse("s.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void quickstart_expectsSixHundredJobsARun_andNoComputeIsOverloaded() {
    // 60/day on workdays over 14 days (two whole weeks): 60 x 5 x 2 = 600 a run, 8 points x 10.
    WorkEstimate estimate =
        WorkEstimate.of(ScenarioLoader.load(Path.of("examples/quickstart.yaml")));
    assertThat(estimate.jobsPerReplication()).isCloseTo(600, within(1e-9));
    assertThat(estimate.jobs()).isCloseTo(48_000, within(1e-6));
    assertThat(estimate.overloads()).isEmpty();
    assertThat(estimate.whyTooBig(48_000)).isEmpty();
    assertThat(estimate.whyTooBig(47_999))
        .contains(
            "this run would simulate about 48,000 jobs (8 points x 10 replications x 600 each),"
                + " more than --max-jobs 47,999 allows; shorten the horizon, lower the rate or the"
                + " replications, or give --max-jobs 48000 to run it anyway");
  }

  private static final String OVERLOADED =
      """
      name: overloaded
      region: eastus
      horizon: 30d
      replications: 1
      computes:
        - {name: cpu, type: amlcompute, size: Standard_D4s_v3, max_instances: 2}
      workloads:
        - {name: jobs, compute: cpu, arrivals: {process: poisson, rate: 100/min}, duration: 10m}
      sweep:
        cpu.max_instances: [2, 1000]
      """;

  @Test
  void aComputeOfferedMoreThanItHolds_isNamedWithItsLoad_andOneThatHoldsItIsNot() {
    // 100/min of 10-minute jobs keep 1,000 nodes busy: twice what 2 can run, exactly 1,000.
    WorkEstimate estimate = WorkEstimate.of(scenario(OVERLOADED));
    assertThat(estimate.overloads())
        .extracting(WorkEstimate.Overload::describe)
        .containsExactly(
            "cpu at point 0 is offered 1000.0 nodes' worth of work (6000.0 jobs/h) but can run 2"
                + " at once",
            "cpu at point 1 is offered 1000.0 nodes' worth of work (6000.0 jobs/h) but can run"
                + " 1000 at once");
    assertThat(estimate.jobsPerReplication()).isCloseTo(100 * 60 * 24 * 30, within(1e-6));
  }

  @Test
  void aQueueThatCanOnlyGrow_stopsTheRun_namingTheComputeItsRateAndItsCapacity() {
    Scenario scenario = scenario(OVERLOADED);
    assertThatThrownBy(() -> ScenarioModel.run(scenario, scenario.points().get(0), 0))
        .isInstanceOf(UnstableQueueException.class)
        .hasMessageStartingWith("stopped at cpu.max_instances = 2: cpu's queue held 1,0")
        // 5,988 more a hour pass a million in 7 days; checked every 30/44 days: at 7.5.
        .hasMessageContaining("jobs after 7.5 days of simulated time")
        .hasMessageContaining(
            "jobs arrive at 6000.0/h with 1000.0 nodes' worth of work on average, and it can run"
                + " 2 nodes at once, so the queue can only grow; raise its max_instances or quota,"
                + " or leave this configuration out of the sweep");
  }
}
