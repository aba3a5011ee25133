package io.capsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.engine.SimTime;
import io.capsim.experiment.WorkEstimate;
import io.capsim.scenario.yaml.ScenarioException;
import io.capsim.workload.ArrivalProcess;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Keys at the edges of what they allow: the longest run, a multiplier of 0, a rate past any budget.
 */
class KeyLimitsTest {
  private static String scenario(String horizon, String arrivals) {
    return """
        name: edges
        region: eastus
        horizon: %s
        replications: 1
        computes:
          - {name: cpu, type: amlcompute, size: Standard_D4s_v3, max_instances: 4}
        workloads:
          - {name: jobs, compute: cpu, arrivals: %s, duration: 1h}
        """
        .formatted(horizon, arrivals);
  }

  private static Scenario parse(String text) {
    return ScenarioLoader.parse("edges.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theLongestRun_isAllowed_andAMicrosecondMoreIsNot() {
    String rate = "{process: poisson, rate: 1/day}";
    assertThat(parse(scenario("36500d", rate)).horizonMicros())
        .isEqualTo(SimTime.LONGEST_RUN_MICROS);
    assertThatThrownBy(() -> parse(scenario("PT876000H0.000001S", rate)))
        .isInstanceOf(ScenarioException.class)
        .hasMessage(
            "edges.yaml:3:10: horizon: must be at most 36500d (100 years, the longest capsim"
                + " simulates), was \"PT876000H0.000001S\"");
  }

  private static String table(String firstCell) {
    String ones = String.join(", ", Collections.nCopies(23, "1"));
    StringBuilder rows = new StringBuilder("[[" + firstCell + ", " + ones + "]");
    for (int day = 1; day < 7; day++) {
      rows.append(", [").append(ones).append(", 2]");
    }
    return "{process: poisson, rate: 1/h, profile: " + rows + "]}";
  }

  @Test
  void aProfileCell_ofZeroIsAllowed_belowZeroIsNot_andEachLandsInItsHour() {
    ArrivalProcess.Profiled profile =
        (ArrivalProcess.Profiled) parse(scenario("7d", table("0"))).workloads().get(0).arrivals();
    double[] hours = profile.hourOfWeekMultipliers();
    assertThat(hours[0]).isZero();
    assertThat(hours[1]).isEqualTo(1);
    assertThat(hours[23]).isEqualTo(1);
    assertThat(hours[24 + 23]).isEqualTo(2);
    assertThat(hours[6 * 24 + 23]).isEqualTo(2);
    assertThatThrownBy(() -> parse(scenario("7d", table("-1"))))
        .hasMessageContaining("workloads[0].arrivals.profile[0][0]: must be >= 0.0, was -1");
  }

  @Test
  void aProfileOfHugeMultipliers_expectsMoreJobsThanAnyBudget() {
    WorkEstimate estimate = WorkEstimate.of(parse(scenario("7d", table("1e308"))));
    assertThat(estimate.whyTooBig(Long.MAX_VALUE))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .startsWith(
                        "this run would simulate about 1.0e+308 jobs (1 points x 1 replications x"
                            + " 1.0e+308 each)")
                    .endsWith("or the profile's multipliers: no budget allows so many"));
  }

  @Test
  void aProfileWhoseMultipliersSumPastTheLargestDouble_expectsInfinitelyManyJobs() {
    String cells = String.join(", ", Collections.nCopies(24, "1e308"));
    String profile =
        "{process: poisson, rate: 1/h, profile: ["
            + String.join(", ", Collections.nCopies(7, "[" + cells + "]"))
            + "]}";
    assertThat(WorkEstimate.of(parse(scenario("7d", profile))).whyTooBig(Long.MAX_VALUE))
        .hasValueSatisfying(
            why ->
                assertThat(why).startsWith("this run would simulate about infinitely many jobs"));
  }

  @Test
  void exactlyABillionJobs_areCountedInPowersOfTen() {
    assertThat(
            WorkEstimate.of(parse(scenario("1000000s", "{process: poisson, rate: 1000/s}")))
                .whyTooBig(1))
        .hasValueSatisfying(why -> assertThat(why).contains("about 1.0e+09 jobs"));
  }

  @Test
  void aBillionJobsOrMore_areCountedInPowersOfTen_fewerWithSeparators() {
    // 1,000/s for 14 days: 1.2096e9 a run.
    WorkEstimate billions =
        WorkEstimate.of(parse(scenario("14d", "{process: poisson, rate: 1000/s}")));
    assertThat(billions.whyTooBig(1_000_000_000L))
        .hasValueSatisfying(
            why ->
                assertThat(why).contains("about 1.2e+09 jobs").contains("--max-jobs 1209600000 "));
    WorkEstimate fewer = WorkEstimate.of(parse(scenario("14d", "{process: poisson, rate: 826/s}")));
    assertThat(fewer.whyTooBig(1))
        .hasValueSatisfying(why -> assertThat(why).contains("about 999,129,600 jobs"));
  }
}
