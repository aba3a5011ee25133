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
      new JobResults(3, 2, 1, 0, 0, 0, 0, 60, 0.5, 30, 120, 180, 3600, Map.of("preempted", 1L));

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

  @Test
  void eachCostMetric_readsItsOwnBucket() {
    Map<CostBucket, Double> cost = new java.util.EnumMap<>(CostBucket.class);
    double usd = 1;
    for (CostBucket bucket : CostBucket.values()) {
      cost.put(bucket, usd++);
    }
    ComputeStats stats = new ComputeStats("c", cost, 99, 10, 5, 0.5, 2, JOBS);
    assertThat(Metric.COST_USD.of(stats)).isEqualTo(99);
    assertThat(Metric.COST_PRODUCTIVE_USD.of(stats)).isEqualTo(cost.get(CostBucket.PRODUCTIVE));
    assertThat(Metric.COST_PROVISIONING_USD.of(stats)).isEqualTo(cost.get(CostBucket.PROVISIONING));
    assertThat(Metric.COST_IDLE_USD.of(stats)).isEqualTo(cost.get(CostBucket.IDLE));
    assertThat(Metric.COST_FLOOR_USD.of(stats)).isEqualTo(cost.get(CostBucket.FLOOR));
    assertThat(Metric.COST_LOST_WORK_USD.of(stats)).isEqualTo(cost.get(CostBucket.LOST_WORK));
    assertThat(Metric.COST_STOPPED_USD.of(stats)).isEqualTo(cost.get(CostBucket.STOPPED));
    assertThat(Metric.COST_LB_USD.of(stats)).isEqualTo(cost.get(CostBucket.LB));
  }

  @Test
  void keys_areTheColumnNames_andSecondsMetricsAnswerWithoutTheirSuffix() {
    assertThat(Metric.WAIT_P95_S.key()).isEqualTo("wait_p95_s");
    assertThat(Metric.WAIT_P95_S.inSeconds()).isTrue();
    assertThat(Metric.COST_USD.inSeconds()).isFalse();
    assertThat(Metric.byKey("wait_p95")).contains(Metric.WAIT_P95_S);
    assertThat(Metric.byKey("wait_p95_s")).contains(Metric.WAIT_P95_S);
    assertThat(Metric.byKey("cost_usd")).contains(Metric.COST_USD);
    assertThat(Metric.byKey("cost")).isEmpty();
  }

  @Test
  void statistics_areEqualExactlyWhenEveryFigureIs() {
    ComputeStats a = stats("c", JOBS);
    assertThat(a).isEqualTo(stats("c", JOBS)).hasSameHashCodeAs(stats("c", JOBS));
    assertThat(a.compute()).isEqualTo("c");
    // Legal but useless as a key would be one hash for all; these two differ.
    assertThat(a.hashCode()).isNotEqualTo(stats("d", JOBS).hashCode());
    assertThat(a)
        .isNotEqualTo(stats("d", JOBS))
        .isNotEqualTo(noJobs("c"))
        .isNotEqualTo(a.withCost(Map.of(CostBucket.PRODUCTIVE, 3.0), 2.0))
        .isNotEqualTo(a.withCost(COST, 2.5))
        .isNotEqualTo(new ComputeStats("c", COST, 2.0, 11, 5, 0.5, 2, JOBS))
        .isNotEqualTo(new ComputeStats("c", COST, 2.0, 10, 6, 0.5, 2, JOBS))
        .isNotEqualTo(new ComputeStats("c", COST, 2.0, 10, 5, 0.6, 2, JOBS))
        .isNotEqualTo(new ComputeStats("c", COST, 2.0, 10, 5, 0.5, 3, JOBS))
        .isNotEqualTo("c");
    assertThat(a.toString()).startsWith("ComputeStats[c, $2.0").contains("JobResults[");
    assertThat(noJobs("c").toString()).doesNotContain("JobResults");
  }

  @Test
  void costOf_everyBucket_isTheMetricNamedAfterIt() {
    for (CostBucket bucket : CostBucket.values()) {
      assertThat(Metric.costOf(bucket).key()).isEqualTo("cost_" + bucket.key() + "_usd");
    }
  }
}
