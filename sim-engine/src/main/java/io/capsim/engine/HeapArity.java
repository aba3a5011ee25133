package io.capsim.engine;

/**
 * Branching factor of the {@link EventCalendar}'s heap. A 4-ary heap is half as deep as a binary
 * one and reads a node's children from one cache line, at the price of more comparisons per level;
 * {@code HoldModelBenchmark} measures both, and {@link #DEFAULT} is the faster on it.
 */
public enum HeapArity {
  BINARY(1),
  QUATERNARY(2);

  /** The arity chosen by measurement; see the README's Performance section. */
  public static final HeapArity DEFAULT = BINARY;

  final int log2;

  HeapArity(int log2) {
    this.log2 = log2;
  }

  /** Children per node: 2 or 4. */
  public int children() {
    return 1 << log2;
  }
}
