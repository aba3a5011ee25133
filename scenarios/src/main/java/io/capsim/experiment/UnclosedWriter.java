package io.capsim.experiment;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A writer whose {@code close} only flushes: for a library (Commons CSV, Tablesaw) that closes what
 * it writes to, writing into a stream the caller still has more to write to.
 */
public final class UnclosedWriter extends FilterWriter {
  public UnclosedWriter(Writer out) {
    super(out);
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
