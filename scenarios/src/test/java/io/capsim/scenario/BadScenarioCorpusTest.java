package io.capsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.scenario.yaml.Problem;
import io.capsim.scenario.yaml.ScenarioException;
import io.capsim.scenario.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad scenario in {@code src/test/resources/bad} is refused with exactly the messages in its
 * {@code .expected} file: all problems at once, each {@code file:line:col: path: message}.
 */
class BadScenarioCorpusTest {
  private static final Path CORPUS = Path.of("src/test/resources/bad");

  static Stream<Path> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void corpus_hasAtLeastThirtyFiles() throws IOException {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void badScenario_isRefusedWithItsExpectedMessages(Path file) throws IOException {
    String name = file.getFileName().toString();
    List<String> expected =
        Files.readAllLines(
            file.resolveSibling(name.replace(".yaml", ".expected")), StandardCharsets.UTF_8);
    byte[] bytes = Files.readAllBytes(file);
    assertThatThrownBy(
            () -> ScenarioLoader.parse(name, bytes, Objects.requireNonNull(file.getParent())))
        .isInstanceOfSatisfying(
            ScenarioException.class,
            e ->
                assertThat(e.problems().stream().map(Problem::toString).toList())
                    .containsExactlyElementsOf(expected));
  }

  @Test
  void hugeFile_isRefusedBeforeParsing() {
    byte[] huge = ("# " + "x".repeat(YamlReader.MAX_BYTES) + "\n").getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    assertThatThrownBy(() -> ScenarioLoader.parse("huge.yaml", huge))
        .hasMessage(
            "huge.yaml: is "
                + huge.length
                + " bytes; a scenario file may be at most "
                + YamlReader.MAX_BYTES
                + " bytes");
    assertThat((System.nanoTime() - started) / 1e9).isLessThan(1.0);
  }

  @Test
  void missingFile_saysSo() {
    assertThatThrownBy(() -> ScenarioLoader.load(Path.of("no/such/scenario.yaml")))
        .hasMessage("no/such/scenario.yaml: no such file");
  }

  @Test
  void notUtf8_isRefused() {
    byte[] latin1 = "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> ScenarioLoader.parse("latin1.yaml", latin1))
        .hasMessage("latin1.yaml: is not UTF-8 text");
  }

  @Test
  void deepNesting_isRefused() {
    String deep = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
    assertThatThrownBy(
            () -> ScenarioLoader.parse("deep.yaml", deep.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("deep.yaml:");
  }
}
