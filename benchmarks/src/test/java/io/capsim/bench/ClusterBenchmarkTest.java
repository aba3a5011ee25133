package io.capsim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.JobResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cluster benchmark simulates what it claims, and its two sides do the same work: from the same
 * streams the hand-written loop and capsim's cluster run the same jobs with the same waits, on the
 * same nodes for the same node-hours, to the last bit.
 */
class ClusterBenchmarkTest {
  @ParameterizedTest
  @ValueSource(ints = {1000, 20})
  void handLoopAndCapsim_sameStreams_sameSamplePath(int maxNodes) {
    ClusterBenchmark.Shape shape = ClusterBenchmark.Shape.of(maxNodes);
    ComputeStats capsim = shape.capsim(3);
    HandWrittenCluster.Result hand = shape.handLoop(3);

    JobResults jobs = capsim.jobs();
    assertThat(hand.submitted()).isEqualTo(jobs.jobsSubmitted());
    assertThat(hand.completed()).isEqualTo(jobs.jobsCompleted());
    assertThat(hand.waitMeanSeconds()).isEqualTo(jobs.waitMeanSeconds());
    assertThat(hand.waitP95Seconds()).isEqualTo(jobs.waitP95Seconds());
    assertThat(hand.turnaroundMeanSeconds()).isEqualTo(jobs.turnaroundMeanSeconds());
    assertThat(hand.nodeHours()).isEqualTo(capsim.nodeHours());
    assertThat(hand.busyNodeHours()).isEqualTo(capsim.busyNodeHours());
    assertThat(hand.peakNodes()).isEqualTo(capsim.peakNodes());
  }

  @Test
  void scaling_simulatesAboutAMillionJobsOnUpTo1000Nodes() {
    ComputeStats stats = ClusterBenchmark.Shape.of(1000).capsim(0);
    assertAboutAMillionJobs(stats);
    assertThat(stats.peakNodes()).isBetween(900, 1000);
    assertThat(stats.utilization()).isBetween(0.5, 1.0);
  }

  @Test
  void queueing_keeps20NodesBusyWhileJobsWait() {
    ComputeStats stats = ClusterBenchmark.Shape.of(20).capsim(0);
    assertAboutAMillionJobs(stats);
    assertThat(stats.peakNodes()).isEqualTo(20);
    assertThat(stats.utilization()).isBetween(0.9, 1.0);
    assertThat(stats.jobs().waitProbability()).isGreaterThan(0.3);
  }

  private static void assertAboutAMillionJobs(ComputeStats stats) {
    assertThat((double) stats.jobs().jobsSubmitted())
        .isCloseTo(ClusterBenchmark.EXPECTED_JOBS, within(ClusterBenchmark.EXPECTED_JOBS * 0.005));
    assertThat(stats.jobs().jobsCompleted()).isGreaterThan(stats.jobs().jobsSubmitted() - 1100);
  }
}
