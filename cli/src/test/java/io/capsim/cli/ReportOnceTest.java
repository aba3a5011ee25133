package io.capsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.experiment.Experiment;
import io.capsim.experiment.JobSink;
import io.capsim.experiment.ResultsWriter;
import io.capsim.experiment.Runner;
import io.capsim.report.Report;
import io.capsim.report.ResultTables;
import io.capsim.scenario.ResolvedScenario;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's report is drawn from the scenario it has in memory, so its trace is read once; and {@code
 * capsim report} rebuilds it from the files byte for byte, the run's notes included.
 */
class ReportOnceTest {
  @TempDir Path temp;

  private static final String SCENARIO =
      """
      name: replay
      region: eastus
      horizon: 2d
      replications: 2
      computes:
        - {name: spot, type: amlcompute, size: Standard_D4s_v3, tier: low_priority, max_instances: 4}
      workloads:
        - name: jobs
          compute: spot
          arrivals: {trace: jobs.csv, format: csv, columns: {instance_count: nodes}}
      """;

  private Path scenarioWithItsTrace() throws Exception {
    Files.writeString(
        temp.resolve("jobs.csv"),
        "submit,duration,nodes\n0,600,1\n60,-1,1\n3600,1200,2\n7200,900,1\n");
    return Files.writeString(temp.resolve("replay.yaml"), SCENARIO);
  }

  @Test
  void theReport_needsNoSecondReadOfTheTrace() throws Exception {
    Scenario scenario = ScenarioLoader.load(scenarioWithItsTrace());
    Experiment experiment = Experiment.run(scenario, new Runner(1), JobSink.NONE, done -> {});
    Files.delete(temp.resolve("jobs.csv")); // read once, at load: a second read would fail
    Path dir = Files.createDirectories(temp.resolve("out"));
    ResultTables.write(
        ResultTables.replications(experiment.results()), dir.resolve("replications.csv"));
    ResultsWriter.writeAtomically(
        dir.resolve("scenario.resolved.yaml"),
        w -> w.write(ResolvedScenario.toYaml(scenario, "t")));
    Report.write(dir, dir, "t", scenario, experiment.recommendation());
    assertThat(Files.readString(dir.resolve("report.html")))
        .contains("low priority with no preemption stated");
  }

  @Test
  void capsimReport_rebuildsTheRunsReportByteForByte_withTheRunsNotes() throws Exception {
    Path scenario = scenarioWithItsTrace();
    Path dir = temp.resolve("out");
    assertThat(capsim("run", scenario.toString(), "--out", dir.toString())).isZero();
    byte[] runs = Files.readAllBytes(dir.resolve("report.html"));
    String html = new String(runs, java.nio.charset.StandardCharsets.UTF_8);
    // Both notes: the assumed preemption, and the trace line left out.
    assertThat(html).contains("low priority with no preemption stated").contains("left out 1 of 4");
    assertThat(Files.readString(dir.resolve("scenario.resolved.yaml"))).contains("notes:");
    assertThat(capsim("report", dir.toString())).isZero();
    assertThat(Files.readAllBytes(dir.resolve("report.html"))).isEqualTo(runs);
  }

  private int capsim(String... args) {
    StringWriter err = new StringWriter();
    int status =
        Main.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(err.toString()).doesNotContain("internal error");
    return status;
  }
}
