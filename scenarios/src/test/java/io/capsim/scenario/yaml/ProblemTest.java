package io.capsim.scenario.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTest {
  @Test
  void aValueWithLineBreaksOrInvisibleCharacters_staysOnItsOwnPlacedLine() {
    Problem problem =
        new Problem(
            "s.yaml",
            3,
            9,
            "computes[0].region",
            "unknown region \"east\nus\r\t\u200b\u202e\u0000\" (did you mean eastus?)");
    assertThat(problem)
        .hasToString(
            "s.yaml:3:9: computes[0].region: unknown region"
                + " \"east\\nus\\r\\t\\u200b\\u202e\\u0000\" (did you mean eastus?)");
    assertThat(problem.toString()).doesNotContain("\n");
  }

  @Test
  void aKeyWithALineBreak_isEscapedInThePathToo() {
    assertThat(new Problem("s.yaml", 1, 1, "computes[0].a\nb", "unknown key"))
        .hasToString("s.yaml:1:1: computes[0].a\\nb: unknown key");
  }

  @Test
  void aMessageStartingWithALineBreak_isEscapedFromItsFirstCharacter() {
    assertThat(new Problem("s.yaml", 1, 1, "k", "\nx\ty").message()).isEqualTo("\\nx\\ty");
  }

  @Test
  void printableText_isKeptAsWritten() {
    String message = "must be at most 36500d, was \"µ é 東京 👍\"";
    assertThat(new Problem("s.yaml", 0, 0, "", message).message()).isEqualTo(message);
  }
}
