package io.capsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.experiment.Runner;
import io.capsim.scenario.ResolvedScenario;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs are pure functions of (scenario, point, replication): summary.csv has the same bytes
 * whatever the thread count and after a round trip through scenario.resolved.yaml, and a seeded
 * scenario's summary is pinned by a golden file ({@code -Dgolden.update=true} rewrites it).
 */
class ResultTablesTest {
  @TempDir Path temp;

  private Path summary(Scenario scenario, int threads, String name) throws InterruptedException {
    Path file = temp.resolve(name);
    ResultTables.write(ResultTables.summary(new Runner(threads).run(scenario, done -> {})), file);
    return file;
  }

  @Test
  void everyLocale_writesTheSameBytes_asciiDigitsAndPoints() throws Exception {
    Scenario quickstart =
        ScenarioLoader.load(Path.of("../scenarios/examples/quickstart.yaml")).with(2, 42);
    java.util.Locale before = java.util.Locale.getDefault();
    String root;
    try {
      java.util.Locale.setDefault(java.util.Locale.ROOT);
      root = Files.readString(summary(quickstart, 1, "root.csv"));
      for (String tag : new String[] {"ar-SA", "fa-IR", "de-DE", "ne-NP"}) {
        java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
        assertThat(Files.readString(summary(quickstart, 1, tag + ".csv"))).as(tag).isEqualTo(root);
      }
    } finally {
      java.util.Locale.setDefault(before);
    }
    assertThat(root.lines().skip(1).findFirst().orElseThrow()).startsWith("0,cpu-cluster,");
  }

  @Test
  void threads_oneOrTwo_giveTheSameBytes() throws Exception {
    Scenario quickstart =
        ScenarioLoader.load(Path.of("../scenarios/examples/quickstart.yaml")).with(3, 42);
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
      Files.copy(produced, dir.resolve("summary.csv"), StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(Files.readString(produced)).isEqualTo(Files.readString(dir.resolve("summary.csv")));
  }
}
