package io.capsim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/** A result missing from the report is a failure only when its benchmark was selected. */
class PerformanceReportTest {
  private static final String TRACE = TraceBenchmark.class.getName() + ".readAndReplay";

  @Test
  void selects_matchesBenchmarkNamesAsJmhDoes() {
    assertThat(
            PerformanceReport.selects(
                new OptionsBuilder().include("ClusterBenchmark|SimPyBenchmark").build(), TRACE))
        .isFalse();
    assertThat(PerformanceReport.selects(new OptionsBuilder().include("Trace").build(), TRACE))
        .isTrue();
    assertThat(
            PerformanceReport.selects(
                new OptionsBuilder()
                    .include(TraceBenchmark.class.getName())
                    .exclude("readAnd")
                    .build(),
                TRACE))
        .isFalse();
  }

  @Test
  void aTraceReplayNotRun_isNotAMiss_butOneThatRanWithoutAResultIs() {
    List<String> missed = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    new ReplayTables(new BenchmarkResults(List.of()), missed, false).render(out);
    assertThat(out).contains("| 10 M-job SWF, -Xmx512m | not run |");
    assertThat(missed).isEmpty();

    new ReplayTables(new BenchmarkResults(List.of()), missed, true).render(out);
    assertThat(out).contains("| 10 M-job SWF, -Xmx512m | failed |");
    assertThat(missed).containsExactly("the 10 M-job trace did not replay within -Xmx512m");
  }
}
