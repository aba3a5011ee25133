package io.capsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.engine.model.ErlangC;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Runs are right where theory has an answer: a scenario file describing an M/M/4 queue reproduces
 * Erlang C. (Determinism, the resolved-scenario round trip and the golden summary are checked in
 * the reports module, which writes the CSV files.)
 */
class RunnerTest {
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
