package io.capsim.scenario.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The two bounds on a trace's text, byte by byte and in blocks, at their edges. */
class TraceInputTest {
  @Test
  void capped_readsUpToItsLimit_andRefusesTheByteBeyond() throws Exception {
    try (InputStream ten = new TraceInput.Capped(new ByteArrayInputStream(new byte[10]), 10)) {
      assertThat(ten.read(new byte[6], 0, 6)).isEqualTo(6);
      for (int i = 0; i < 4; i++) {
        assertThat(ten.read()).isZero();
      }
      assertThat(ten.read()).isEqualTo(-1);
    }
    try (InputStream nine = new TraceInput.Capped(new ByteArrayInputStream(new byte[10]), 9)) {
      assertThat(nine.read(new byte[9], 0, 9)).isEqualTo(9);
      assertThatThrownBy(nine::read).hasMessage("it holds more than 9 bytes of text");
    }
    try (InputStream blocks = new TraceInput.Capped(new ByteArrayInputStream(new byte[10]), 9)) {
      assertThatThrownBy(() -> blocks.read(new byte[10], 0, 10))
          .hasMessage("it holds more than 9 bytes of text");
    }
  }

  @Test
  void shortLines_countEachLineAlone_charByCharAsInBlocks() throws Exception {
    try (Reader lines = new TraceInput.ShortLines(new StringReader("abc\nabc\nab"), 3)) {
      StringBuilder read = new StringBuilder();
      for (int c = lines.read(); c >= 0; c = lines.read()) {
        read.append((char) c);
      }
      assertThat(read).hasToString("abc\nabc\nab");
    }
    try (Reader lines = new TraceInput.ShortLines(new StringReader("abc\nabc\nabcd"), 3)) {
      assertThatThrownBy(() -> lines.read(new char[20], 0, 20))
          .isInstanceOfSatisfying(
              TraceInput.LineTooLong.class, e -> assertThat(e.lineNumber).isEqualTo(3))
          .hasMessage("the line is longer than 3 characters; a trace has one job a line");
    }
    // A NUL is a character of its line like any other.
    try (Reader lines =
        new TraceInput.ShortLines(new StringReader("\u0000\u0000\u0000\u0000"), 3)) {
      lines.read();
      lines.read();
      lines.read();
      assertThatThrownBy(lines::read).isInstanceOf(TraceInput.LineTooLong.class);
    }
    try (Reader lines = new TraceInput.ShortLines(new StringReader("a\nabcd"), 3)) {
      lines.read();
      lines.read();
      lines.read();
      lines.read();
      lines.read();
      assertThatThrownBy(lines::read).isInstanceOf(TraceInput.LineTooLong.class);
    }
  }
}
