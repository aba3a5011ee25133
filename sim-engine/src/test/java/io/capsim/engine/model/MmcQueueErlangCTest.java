package io.capsim.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.stat.Tally;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The M/M/c queue on the engine reproduces Erlang C: across independent replications the 95 %
 * confidence interval of each simulated quantity contains its closed-form value, and it is narrow
 * enough (a few percent) that a model error of that size would be caught.
 */
class MmcQueueErlangCTest {
  private static final int REPLICATIONS = 30;
  private static final long SEED = 20261128L;

  @ParameterizedTest(name = "c={0}, utilisation 0.9")
  @CsvSource({"1, 20000, 200000", "20, 2000, 20000"})
  void mmc_atUtilisationPointNine_matchesErlangC(
      int servers, long warmupSeconds, long measuredSeconds) {
    double serviceRate = 1.0;
    double arrivalRate = 0.9 * servers * serviceRate;
    Replicated r = simulate(servers, arrivalRate, serviceRate, warmupSeconds, measuredSeconds);

    double pWait = ErlangC.probabilityOfWaiting(servers, arrivalRate / serviceRate);
    double meanWait = ErlangC.meanWait(servers, arrivalRate, serviceRate);
    double p95 = ErlangC.waitQuantile(servers, arrivalRate, serviceRate, 0.95);

    assertWithinInterval("P(wait)", r.probabilityOfWaiting, pWait, 0.02);
    assertWithinInterval("mean wait (s)", r.meanWaitSeconds, meanWait, 0.05);
    assertWithinInterval("p95 wait (s)", r.p95WaitSeconds, p95, 0.05);
    assertWithinInterval("busy servers", r.busyServers, arrivalRate / serviceRate, 0.01);
  }

  private static void assertWithinInterval(
      String what, Tally replications, double expected, double maxRelativeHalfWidth) {
    double halfWidth = replications.halfWidth95();
    assertThat(replications.mean())
        .as(
            "%s: simulated %s ± %s (95 %% CI over %d replications) vs Erlang C %s",
            what, replications.mean(), halfWidth, replications.count(), expected)
        .isCloseTo(expected, Offset.offset(halfWidth));
    assertThat(halfWidth / expected)
        .as("%s: relative CI half-width", what)
        .isLessThan(maxRelativeHalfWidth);
  }

  private static Replicated simulate(
      int servers, double arrivalRate, double serviceRate, long warmupSeconds, long measured) {
    Replicated result = new Replicated();
    for (int replication = 0; replication < REPLICATIONS; replication++) {
      Simulation simulation = new Simulation(SEED, replication);
      MmcQueue queue = new MmcQueue(simulation, servers, arrivalRate, serviceRate, Long.MAX_VALUE);
      long warmupMicros = warmupSeconds * SimTime.MICROS_PER_SECOND;
      long endMicros = warmupMicros + measured * SimTime.MICROS_PER_SECOND;
      simulation.warmupAt(warmupMicros);
      queue.start();
      simulation.runUntil(endMicros);
      result.probabilityOfWaiting.record(queue.waited().mean());
      result.meanWaitSeconds.record(queue.waitSeconds().mean());
      result.p95WaitSeconds.record(
          SimTime.microsToSeconds(queue.waitMicros().quantileMicros(0.95)));
      result.busyServers.record(queue.busyServers().mean(endMicros));
    }
    return result;
  }

  private static final class Replicated {
    final Tally probabilityOfWaiting = new Tally();
    final Tally meanWaitSeconds = new Tally();
    final Tally p95WaitSeconds = new Tally();
    final Tally busyServers = new Tally();
  }
}
