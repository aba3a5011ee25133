package io.capsim.scenario.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** SWF lines split by a scan give the fields {@code split("\\s+")} on the stripped line gave. */
class SwfFieldsTest {
  @Property(tries = 2000)
  void split_givesTheFieldsOfARegularExpressionSplit(@ForAll("lines") String line) {
    SwfFields fields = new SwfFields();
    int count = fields.split(line);
    String stripped = line.replaceAll("^\\s+|\\s+$", "");
    String[] expected = stripped.isEmpty() ? new String[0] : stripped.split("\\s+", -1);
    assertThat(count).isEqualTo(expected.length);
    for (int i = 0; i < Math.min(count, SwfFields.KEPT); i++) {
      assertThat(fields.field(i)).isEqualTo(expected[i]);
    }
  }

  @Provide
  Arbitrary<String> lines() {
    return Arbitraries.strings().withChars(" \t\u000B\f\r;-.0123456789ab").ofMaxLength(120);
  }

  @Test
  void commentsAndBlankLines_areRecognised_evenIndented() {
    SwfFields fields = new SwfFields();
    fields.split("   ; Version: 2.2");
    assertThat(fields.isBlankOrComment()).isTrue();
    fields.split(" \t ");
    assertThat(fields.isBlankOrComment()).isTrue();
    fields.split("  1  0 10 3600 64 -1 -1 64 7200 -1 1 3 1 -1 1 -1 -1 -1 extra");
    assertThat(fields.isBlankOrComment()).isFalse();
    assertThat(fields.split("  1  0 10 3600 64 -1 -1 64 7200 -1 1 3 1 -1 1 -1 -1 -1 extra"))
        .isEqualTo(19);
    assertThat(Arrays.asList(fields.field(1), fields.field(3), fields.field(17)))
        .containsExactly("0", "3600", "-1");
  }
}
