package io.capsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.compute.InvalidSettingException;
import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.pool.Quotas;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A replayed trace: its jobs come out in order with their own durations and widths, then none. */
class TraceTest {
  /** Built in each test, not once per class, so that each test covers the constructor's checks. */
  private final Trace trace =
      new Trace(
          "t.swf",
          new long[] {0, 5_000_000, 5_000_000, 90_000_000},
          new double[] {60, 0, 3600.5, 7},
          new int[] {1, 4, 2, 16});

  private static final String D4S = "Standard_D4s_v3";

  private static ClusterSpec cluster(int maxNodes) {
    return ClusterSpec.defaults("cpu", D4S).withInstances(0, maxNodes);
  }

  @Test
  void arrivals_replayEachJobAtItsTimeWithItsDurationAndNodes_thenNone() {
    Arrivals arrivals = trace.arrivals(new Simulation(1, 0), "unused");
    List<String> jobs = new ArrayList<>();
    for (long t = arrivals.next(0); t != Arrivals.NONE; t = arrivals.next(t)) {
      jobs.add(t + "/" + arrivals.durationSeconds(() -> -1) + "/" + arrivals.instanceCount(-1));
    }
    assertThat(jobs)
        .containsExactly("0/60.0/1", "5000000/0.0/4", "5000000/3600.5/2", "90000000/7.0/16");
    assertThat(arrivals.next(90_000_000)).isEqualTo(Arrivals.NONE);
  }

  @Test
  void widthsCountAndSource_areTheTracesOwn() {
    assertThat(trace.maxInstanceCount()).isEqualTo(16);
    assertThat(trace.jobsWiderThan(2)).isEqualTo(2);
    assertThat(trace.jobsWiderThan(16)).isZero();
    assertThat(trace.jobs()).isEqualTo(4);
    assertThat(trace.source()).isEqualTo("t.swf");
    assertThat(trace).hasToString("Trace[t.swf, 4 jobs]");
    assertThat(new Trace("e", new long[0], new double[0], new int[0]).maxInstanceCount()).isZero();
  }

  @Test
  void jobsTooWideForTheCompute_areCountedAgainstTheWidestThatFits() {
    // Standard_D4s_v3 (4 vCPUs) under a 32-vCPU Ds_v3 quota: 8 nodes fit, so of widths
    // 1, 4, 2, 16 one job (16) cannot run; with max_instances 2 as well, two (4 and 16) cannot.
    Quotas quota = new Quotas(Map.of("Ds_v3", 32), OptionalInt.empty());
    Workload replay = Workload.simple("replay", "cpu", trace, Distribution.constant(1), D4S);
    assertThatThrownBy(() -> new ComputeRun(1, 0, cluster(20), quota, replay))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessage(
            "replay on cpu: 1 of the trace's 4 jobs cannot run: the widest needs 16 x 4 = 64"
                + " vCPUs of Ds_v3 dedicated but the quota is 32");
    assertThatThrownBy(() -> new ComputeRun(1, 0, cluster(2), quota, replay))
        .hasMessage(
            "replay on cpu: 2 of the trace's 4 jobs cannot run: the widest needs 16 nodes but"
                + " max_instances is 2");
    assertThat(trace.whyJobsCannotRunOn(new ComputeRun(cluster(16), replay).compute())).isEmpty();
  }

  @Test
  @Timeout(60)
  void aJobBillionsOfNodesWide_isCountedWithoutTryingEveryWidth() {
    // Counting down from 2,147,483,647 one width at a time took a quarter of an hour.
    Trace wide =
        new Trace(
            "wide.swf",
            new long[] {0, 1, 2},
            new double[] {60, 60, 60},
            new int[] {1, Integer.MAX_VALUE, 3});
    Workload replay = Workload.simple("replay", "cpu", wide, Distribution.constant(1), D4S);
    assertThatThrownBy(() -> new ComputeRun(cluster(3), replay))
        .hasMessage(
            "replay on cpu: 1 of the trace's 3 jobs cannot run: the widest needs 2147483647 nodes"
                + " but max_instances is 3");
    assertThatThrownBy(() -> new ComputeRun(cluster(2), replay))
        .hasMessageStartingWith("replay on cpu: 2 of the trace's 3 jobs cannot run");
  }

  @Test
  void copiesOut_leaveTheTraceAsItWas() {
    trace.submitMicros()[0] = 42;
    trace.durationSeconds()[0] = 42;
    trace.instanceCounts()[0] = 42;
    assertThat(trace.submitMicros()[0]).isZero();
    assertThat(trace.durationSeconds()[0]).isEqualTo(60);
    assertThat(trace.instanceCounts()[0]).isEqualTo(1);
    assertThat(trace.durations().mean()).isEqualTo((60 + 0 + 3600.5 + 7) / 4);
  }

  @Test
  void submissionsOutOfOrder_orColumnsOfOtherLengths_areRefused() {
    assertThatThrownBy(
            () -> new Trace("t", new long[] {0, 10, 9}, new double[3], new int[] {1, 1, 1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trace submissions must be in order; job 2 is before job 1");
    assertThatThrownBy(() -> new Trace("t", new long[2], new double[1], new int[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a trace needs as many durations and node counts as submissions");
    assertThatThrownBy(() -> new Trace("t", new long[2], new double[2], new int[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a trace needs as many durations and node counts as submissions");
  }
}
