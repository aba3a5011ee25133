package io.capsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.engine.model.ErlangC;
import io.capsim.scenario.ResolvedScenario;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs are pure functions of (scenario, point, replication): the same bytes whatever the thread
 * count, the same after a round trip through scenario.resolved.yaml, pinned by a golden file, and
 * right where theory has an answer.
 */
class RunnerTest {
  @TempDir Path temp;

  private Path summary(Scenario scenario, int threads, String name) throws InterruptedException {
    Path file = temp.resolve(name);
    ResultsWriter.writeSummary(new Runner(threads).run(scenario, done -> {}), file);
    return file;
  }

  @Test
  void threads_oneOrTwo_giveTheSameBytes() throws Exception {
    Scenario quickstart = ScenarioLoader.load(Path.of("examples/quickstart.yaml")).with(3, 42);
    assertThat(Files.readString(summary(quickstart, 1, "one.csv")))
        .isEqualTo(Files.readString(summary(quickstart, 2, "two.csv")));
  }

  @Test
  void resolvedScenario_runsToTheSameNumbers() throws Exception {
    Scenario original =
        ScenarioLoader.load(Path.of("src/test/resources/golden/small/scenario.yaml"));
    String resolved = ResolvedScenario.toYaml(original, "test");
    Scenario reread =
        ScenarioLoader.parse("resolved.yaml", resolved.getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readString(summary(reread, 2, "reread.csv")))
        .isEqualTo(Files.readString(summary(original, 2, "original.csv")));
  }

  @Test
  void golden_smallScenario_summaryIsPinned() throws Exception {
    Path dir = Path.of("src/test/resources/golden/small");
    Scenario scenario = ScenarioLoader.load(dir.resolve("scenario.yaml"));
    Path produced = summary(scenario, 2, "summary.csv");
    if (Boolean.getBoolean("golden.update")) {
      Files.copy(
          produced, dir.resolve("summary.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(Files.readString(produced)).isEqualTo(Files.readString(dir.resolve("summary.csv")));
  }

  @Test
  void erlangC_throughAScenarioFile() throws IOException, InterruptedException {
    Scenario scenario = ScenarioLoader.load(Path.of("src/test/resources/erlang-c.yaml"));
    RunResults results = new Runner(2).run(scenario, done -> {});
    RunResults.Summary wait = results.summary(0, "fixed").get(Metric.WAIT_MEAN_S);
    double expected = ErlangC.meanWait(4, 3.2, 1.0) * 3600;
    assertThat(wait.mean())
        .as("mean wait %s ± %s s vs Erlang C %s s", wait.mean(), wait.halfWidth95(), expected)
        .isCloseTo(expected, Offset.offset(wait.halfWidth95()));
    assertThat(wait.halfWidth95() / expected).isLessThan(0.05);
    RunResults.Summary p95 = results.summary(0, "fixed").get(Metric.WAIT_P95_S);
    double expectedP95 = ErlangC.waitQuantile(4, 3.2, 1.0, 0.95) * 3600;
    assertThat(p95.mean()).isCloseTo(expectedP95, Offset.offset(p95.halfWidth95()));
  }
}
