package io.capsim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.ComputeStats;
import org.junit.jupiter.api.Test;

/** The cluster benchmark simulates what it claims: about a million jobs on up to 1,000 nodes. */
class ClusterBenchmarkTest {
  @Test
  void run_simulatesAboutAMillionJobsOnUpTo1000Nodes() {
    ComputeStats stats = ClusterBenchmark.run(0);
    assertThat((double) stats.jobs().jobsSubmitted())
        .isCloseTo(ClusterBenchmark.EXPECTED_JOBS, within(ClusterBenchmark.EXPECTED_JOBS * 0.005));
    assertThat(stats.jobs().jobsCompleted()).isGreaterThan(stats.jobs().jobsSubmitted() - 1100);
    assertThat(stats.peakNodes()).isBetween(900, 1000);
    assertThat(stats.utilization()).isBetween(0.5, 1.0);
  }
}
