package io.capsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.compute.Metric;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import io.capsim.experiment.RunResults;
import io.capsim.experiment.Runner;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example's answer under its own seed and replications, pinned: the recommended point and
 * each point's mean cost and p95 wait per compute, with their 95 % half-widths. A change in the
 * model shows here as a diff someone must read and accept ({@code -Dgolden.update=true} rewrites
 * the files in {@code src/test/resources/golden/examples/}).
 */
class ExampleNumbersTest {
  private static final Path EXAMPLES = Path.of("../scenarios/examples");
  private static final Path GOLDEN = Path.of("src/test/resources/golden/examples");

  static Stream<String> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".yaml"))
          .map(f -> f.substring(0, f.length() - ".yaml".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void example_givesItsPinnedAnswer(String example) throws Exception {
    Scenario scenario = ScenarioLoader.load(EXAMPLES.resolve(example + ".yaml"));
    RunResults results = new Runner(2).run(scenario, done -> {});
    String answer = describe(scenario, results);
    Path golden = GOLDEN.resolve(example + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, answer, StandardCharsets.UTF_8);
    }
    assertThat(answer).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  private static String describe(Scenario scenario, RunResults results) {
    Recommendation rec = Recommendation.of(scenario, MetricTable.of(results));
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%s: seed %d, %d replications; means over replications (95 %% half-width)%n",
            scenario.name(),
            scenario.seed(),
            scenario.replications()));
    text.append(
        String.format(
            Locale.ROOT,
            "recommended: point %d (%s)%n",
            rec.winner(),
            rec.feasible() ? "meets the constraints" : "closest; nothing meets them"));
    for (Scenario.Point point : scenario.points()) {
      for (Map.Entry<String, Map<Metric, RunResults.Summary>> row :
          results.summaries(point.index()).entrySet()) {
        RunResults.Summary cost = Objects.requireNonNull(row.getValue().get(Metric.COST_USD));
        RunResults.Summary wait = Objects.requireNonNull(row.getValue().get(Metric.WAIT_P95_S));
        text.append(
            String.format(
                Locale.ROOT,
                "point %d %s %s: cost_usd %.2f ± %.2f, wait_p95_s %.0f ± %.0f%n",
                point.index(),
                row.getKey(),
                point.values(),
                cost.mean(),
                cost.halfWidth95(),
                wait.mean(),
                wait.halfWidth95()));
      }
    }
    return text.toString();
  }
}
