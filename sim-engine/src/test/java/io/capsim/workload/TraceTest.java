package io.capsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A replayed trace: its jobs come out in order with their own durations and widths, then none. */
class TraceTest {
  /** Built in each test, not once per class, so that each test covers the constructor's checks. */
  private final Trace trace =
      new Trace(
          "t.swf",
          new long[] {0, 5_000_000, 5_000_000, 90_000_000},
          new double[] {60, 0, 3600.5, 7},
          new int[] {1, 4, 2, 16});

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
  void widths_areKnownWithoutAScanPerRun() {
    assertThat(trace.maxInstanceCount()).isEqualTo(16);
    assertThat(trace.jobsWiderThan(2)).isEqualTo(2);
    assertThat(trace.jobsWiderThan(16)).isZero();
    assertThat(trace.jobs()).isEqualTo(4);
    assertThat(trace.source()).isEqualTo("t.swf");
    assertThat(trace).hasToString("Trace[t.swf, 4 jobs]");
    assertThat(new Trace("e", new long[0], new double[0], new int[0]).maxInstanceCount()).isZero();
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
