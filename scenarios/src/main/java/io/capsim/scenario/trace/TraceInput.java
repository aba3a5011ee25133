package io.capsim.scenario.trace;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * A trace's text, gunzipped if it starts with gzip's magic number, and bounded twice so that a
 * damaged or hostile file is refused rather than filling the heap: in all, and line by line (a
 * reader keeps a whole line in memory, and a 500 MB file without a line break is one line).
 */
final class TraceInput {
  /** Text beyond this is refused: a bound on the time a (perhaps hostile) file can take. */
  static final long MAX_DECOMPRESSED_BYTES = 16L << 30;

  /** One job a line: the widest real trace line (Alibaba's) is under 200 characters. */
  static final int MAX_LINE_CHARS = 1 << 16;

  private TraceInput() {}

  /** A line longer than {@link #MAX_LINE_CHARS}, with its number. */
  static final class LineTooLong extends IOException {
    private static final long serialVersionUID = 1L;
    final long lineNumber;

    LineTooLong(long lineNumber, int limitChars) {
      super(
          String.format(
              Locale.ROOT,
              "the line is longer than %,d characters; a trace has one job a line",
              limitChars));
      this.lineNumber = lineNumber;
    }
  }

  static BufferedReader open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
    in.reset();
    InputStream data = gzip ? new GZIPInputStream(in, 1 << 16) : in;
    return new BufferedReader(
        new ShortLines(
            new InputStreamReader(new Capped(data, MAX_DECOMPRESSED_BYTES), StandardCharsets.UTF_8),
            MAX_LINE_CHARS));
  }

  /** Stops reading once more than {@code limitBytes} have come out of a trace. */
  static final class Capped extends FilterInputStream {
    private final long limitBytes;
    private long read;

    Capped(InputStream in, long limitBytes) {
      super(in);
      this.limitBytes = limitBytes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > limitBytes) {
        throw new IOException(
            String.format(Locale.ROOT, "it holds more than %,d bytes of text", limitBytes));
      }
    }
  }

  /**
   * Fails once a line runs past {@code limitChars}, before the reader above has buffered more than
   * a chunk of it.
   */
  static final class ShortLines extends FilterReader {
    private final int limitChars;
    private long lineNumber = 1;
    private int lineChars;

    ShortLines(Reader in, int limitChars) {
      super(in);
      this.limitChars = limitChars;
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        count((char) c);
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = offset; i < offset + n; i++) {
        count(buffer[i]);
      }
      return n;
    }

    private void count(char c) throws LineTooLong {
      if (c == '\n') {
        lineNumber++;
        lineChars = 0;
      } else if (++lineChars > limitChars) {
        throw new LineTooLong(lineNumber, limitChars);
      }
    }
  }
}
