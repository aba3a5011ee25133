package io.capsim.compute.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.pool.Preemption;
import io.capsim.compute.pool.Quotas;
import io.capsim.engine.random.Distribution;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.ComputeRun;
import io.capsim.workload.Workload;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * Rate-based preemption is a Poisson process per running node: over many node-hours, the count of
 * preemptions has a 95 % confidence interval (the exact Poisson one, from chi-squared quantiles)
 * that contains the rate times the exposure, and is narrow.
 */
class PreemptionRateTest {
  private static final double PER_NODE_HOUR = 0.5;

  @Test
  void preemptionsOverManyNodeHours_matchTheRate() {
    // Ten floor nodes, each kept busy by a job that never ends: a preempted node is replaced at
    // once (no provisioning time) and its job resumes, so the nodes are busy all the time.
    ClusterSpec spec =
        ClusterSpec.defaults("c", "Standard_D4s_v3")
            .withInstances(10, 10)
            .withProvisioning(Distribution.constant(0))
            .withLowPriority(new Preemption.Rate(PER_NODE_HOUR));
    Workload forever =
        Workload.simple(
            "w",
            "c",
            new ArrivalProcess.At(new long[10]),
            Distribution.constant(1e9),
            "Standard_D4s_v3");
    ComputeStats stats =
        new ComputeRun(2, 0, spec, Quotas.unlimited(), forever).runSeconds(2000 * 3600L);

    double exposureNodeHours = stats.busyNodeHours();
    assertThat(exposureNodeHours).isCloseTo(10 * 2000.0, within(1e-6));
    long count = stats.jobs().preemptions();
    double lower = new ChiSquaredDistribution(2.0 * count).inverseCumulativeProbability(0.025) / 2;
    double upper =
        new ChiSquaredDistribution(2.0 * count + 2).inverseCumulativeProbability(0.975) / 2;
    double expected = PER_NODE_HOUR * exposureNodeHours;
    assertThat(expected).isBetween(lower, upper);
    assertThat((upper - lower) / 2).isLessThan(0.03 * expected);
  }

  @Test
  void theAssumedLowPriorityRate_preemptsFivePercentOfNodesWithinAnHour() {
    Preemption.Rate rate = (Preemption.Rate) Preemption.assumedForLowPriority();
    // P(a node is preempted within 1 h) = 1 - exp(-rate x 1 h).
    assertThat(1 - Math.exp(-rate.perNodeHour())).isCloseTo(0.05, within(1e-12));
  }
}
