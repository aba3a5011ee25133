package io.capsim.compute.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.pool.Quotas;
import io.capsim.engine.model.ErlangC;
import io.capsim.engine.random.Distribution;
import io.capsim.engine.stat.Tally;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.ComputeRun;
import io.capsim.workload.Workload;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A cluster with min_instances = max_instances = c and no provisioning time, fed Poisson arrivals
 * of exponential one-hour jobs, is an M/M/c queue: across replications the 95 % confidence interval
 * of the mean wait, P(wait) and the p95 wait contains Erlang C's value.
 */
class ClusterErlangCTest {
  private static final int REPLICATIONS = 20;
  private static final double HOUR = 3600;

  @ParameterizedTest(name = "c={0}, utilisation {1}")
  @CsvSource({"1, 0.8, 400000", "8, 0.9, 40000"})
  void fixedCluster_poissonExponential_matchesErlangC(int servers, double utilisation, long hours) {
    double arrivalsPerHour = utilisation * servers;
    Tally meanWait = new Tally();
    Tally pWait = new Tally();
    Tally p95 = new Tally();
    for (int replication = 0; replication < REPLICATIONS; replication++) {
      ClusterSpec spec =
          ClusterSpec.defaults("c", "Standard_D4s_v3")
              .withInstances(servers, servers)
              .withProvisioning(Distribution.constant(0));
      Workload workload =
          Workload.simple(
              "w",
              "c",
              new ArrivalProcess.Poisson(arrivalsPerHour / HOUR),
              Distribution.exponential(HOUR),
              "Standard_D4s_v3");
      ComputeStats stats =
          new ComputeRun(7, replication, spec, Quotas.unlimited(), workload)
              .runSeconds((long) (hours * HOUR / 20), (long) (hours * HOUR));
      meanWait.record(stats.jobs().waitMeanSeconds() / HOUR);
      pWait.record(stats.jobs().waitProbability());
      p95.record(stats.jobs().waitP95Seconds() / HOUR);
    }
    assertContains("mean wait (h)", meanWait, ErlangC.meanWait(servers, arrivalsPerHour, 1));
    assertContains("P(wait)", pWait, ErlangC.probabilityOfWaiting(servers, arrivalsPerHour));
    assertContains("p95 wait (h)", p95, ErlangC.waitQuantile(servers, arrivalsPerHour, 1, 0.95));
  }

  private static void assertContains(String what, Tally replications, double expected) {
    double halfWidth = replications.halfWidth95();
    assertThat(replications.mean())
        .as("%s: %s ± %s vs Erlang C %s", what, replications.mean(), halfWidth, expected)
        .isCloseTo(expected, Offset.offset(halfWidth));
    assertThat(halfWidth / expected).as("%s: relative half-width", what).isLessThan(0.06);
  }
}
