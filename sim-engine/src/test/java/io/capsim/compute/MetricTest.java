package io.capsim.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.cost.CostBucket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metrics follow what a compute reports: one that runs no jobs (as a request-serving endpoint will
 * be) reports the cost and node metrics and none of the job ones, and a run's metric set is what
 * any of its computes reports, in column order.
 */
class MetricTest {
  private static final Map<CostBucket, Double> COST = Map.of(CostBucket.PRODUCTIVE, 2.0);
  private static final JobResults JOBS =
      new JobResults(3, 2, 1, 0, 60, 0.5, 30, 120, 180, 3600, Map.of("preempted", 1L));

  private static ComputeStats stats(String name, JobResults jobs) {
    return new ComputeStats(name, COST, 2.0, 10, 5, 0.5, 2, jobs);
  }

  private static ComputeStats noJobs(String name) {
    return new ComputeStats(name, COST, 2.0, 10, 5, 0.5, 2, null);
  }

  @Test
  void aComputeWithoutJobs_reportsCostAndNodesOnly() {
    ComputeStats endpoint = noJobs("endpoint");
    assertThat(Metric.reportedByAny(List.of(endpoint)))
        .allMatch(m -> m.family() != Metric.Family.JOBS)
        .contains(Metric.COST_USD, Metric.COST_PRODUCTIVE_USD, Metric.UTILIZATION)
        .doesNotContain(Metric.WAIT_P95_S, Metric.JOBS_SUBMITTED);
    assertThat(Metric.WAIT_P95_S.of(endpoint)).isNaN();
    assertThat(Metric.COST_PRODUCTIVE_USD.of(endpoint)).isEqualTo(2.0);
    assertThatThrownBy(endpoint::jobs).hasMessage("endpoint runs no jobs");
  }

  @Test
  void aRunsMetricSet_isEveryMetricSomeComputeReports_inColumnOrder() {
    List<Metric> set = Metric.reportedByAny(List.of(noJobs("endpoint"), stats("cluster", JOBS)));
    assertThat(set).containsExactly(Metric.values());
    assertThat(Metric.WAIT_P95_S.of(stats("cluster", JOBS))).isEqualTo(120);
    assertThat(Metric.JOBS_FAILED.of(stats("cluster", JOBS))).isEqualTo(1);
  }
}
