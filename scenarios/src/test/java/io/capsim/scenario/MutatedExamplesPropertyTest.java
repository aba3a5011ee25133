package io.capsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.scenario.yaml.Problem;
import io.capsim.scenario.yaml.ScenarioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fuzzer's spirit in the build: every example, damaged the ways people and tools damage files
 * (a line deleted or doubled, a value swapped for an odd scalar or a value of the wrong type), is
 * either a scenario or refused with every problem placed at a line and kept to one line. Nothing
 * else may escape: that would be the command's "internal error", exit 1.
 */
class MutatedExamplesPropertyTest {
  private static final Path EXAMPLES = Path.of("examples");

  private static final List<String> ODD_VALUES =
      List.of(
          "''",
          "0x10",
          "1e308",
          "-1",
          "-0",
          ".inf",
          ".nan",
          "~",
          "[]",
          "{}",
          "[[]]",
          "{a: {b: {c: 1}}}",
          "true",
          "\"line\\nbreak\"",
          "99999999999999999999d",
          "1e-308s",
          "9223372036854775807",
          "2147483648",
          "P1000000D",
          "\"\u200b\"",
          "Standard_D4s_v3",
          "0/s",
          "1000000/s",
          "\"0 0 31 2 *\"");

  private static final List<String> EXAMPLE_LINES = examples();

  private static List<String> examples() {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .map(MutatedExamplesPropertyTest::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A mutation: what to do to which line of which example. */
  record Mutation(int example, int line, int kind, int value) {
    String apply(String text) {
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      int at = line % lines.size();
      String original = lines.get(at);
      switch (kind) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, original);
        case 2 -> lines.set(at, withValue(original, ODD_VALUES.get(value % ODD_VALUES.size())));
        case 3 -> lines.set(at, original.replaceFirst("^(\\s*)", "$1  "));
        default ->
            lines.set(
                at, original.isEmpty() ? original : original.substring(0, original.length() / 2));
      }
      return String.join("\n", lines);
    }

    /** The line with the value after its first {@code key:} replaced, or the value appended. */
    private static String withValue(String line, String odd) {
      int colon = line.indexOf(": ");
      return colon < 0 ? line + " " + odd : line.substring(0, colon + 2) + odd;
    }
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Combinators.combine(
            Arbitraries.integers().between(0, EXAMPLE_LINES.size() - 1),
            Arbitraries.integers().between(0, 500),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, ODD_VALUES.size() - 1))
        .as(Mutation::new);
  }

  @Property(tries = 500, seed = "20261202")
  void aDamagedExample_isAScenarioOrRefusedAtItsPlaces(@ForAll("mutations") Mutation mutation) {
    String damaged = mutation.apply(EXAMPLE_LINES.get(mutation.example()));
    try {
      ScenarioLoader.parse("damaged.yaml", damaged.getBytes(StandardCharsets.UTF_8), EXAMPLES);
    } catch (ScenarioException refused) {
      assertThat(refused.problems()).isNotEmpty();
      for (Problem problem : refused.problems()) {
        assertThat(problem.toString()).as(damaged).doesNotContain("\n");
        assertThat(problem.line()).as("%s\nin\n%s", problem, damaged).isPositive();
      }
    }
  }
}
