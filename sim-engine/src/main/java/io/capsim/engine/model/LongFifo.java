package io.capsim.engine.model;

import java.util.Arrays;
import java.util.NoSuchElementException;

/** A first-in first-out queue of {@code long}s on a growing ring buffer; nothing boxed. */
public final class LongFifo {
  private long[] values = new long[1024];
  private int head;
  private int size;

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public void add(long value) {
    if (size == values.length) {
      long[] grown = Arrays.copyOf(values, size * 2);
      System.arraycopy(values, 0, grown, size, head);
      values = grown;
    }
    values[(head + size++) & (values.length - 1)] = value;
  }

  /** Removes and returns the oldest value. */
  public long remove() {
    if (size == 0) {
      throw new NoSuchElementException("the queue is empty");
    }
    long value = values[head];
    head = (head + 1) & (values.length - 1);
    size--;
    return value;
  }
}
