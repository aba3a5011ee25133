package io.capsim.bench;

import io.capsim.engine.stat.Tally;
import java.util.Locale;

/**
 * Two sides timed in the same invocations, as a ratio of their totals over a run, with the spread
 * of the per-iteration ratios: on a shared machine one iteration's ratio moves by 5 to 10 % and one
 * fork's by as much, so a ratio is only worth as much as its interval.
 *
 * @param value the dividends' total over the divisors' total
 * @param halfWidth the 99.9 % Student-t half-width of the mean per-iteration ratio (JMH's level for
 *     its ± columns); NaN with fewer than two iterations
 * @param iterations measured iterations, over every fork
 */
record SideBySideRatio(double value, double halfWidth, int iterations) {
  static final double LEVEL = 0.999;

  /** From each iteration's two counters, in the same order. */
  static SideBySideRatio of(double[] dividends, double[] divisors) {
    if (dividends.length != divisors.length || dividends.length == 0) {
      throw new IllegalArgumentException(
          "need the same number (>= 1) of both counters, got "
              + dividends.length
              + " and "
              + divisors.length);
    }
    Tally perIteration = new Tally();
    double top = 0;
    double bottom = 0;
    for (int i = 0; i < dividends.length; i++) {
      perIteration.record(dividends[i] / divisors[i]);
      top += dividends[i];
      bottom += divisors[i];
    }
    return new SideBySideRatio(top / bottom, perIteration.halfWidth(LEVEL), dividends.length);
  }

  /** "0.74x ± 0.01 (40 it.)", or without the interval when there is none. */
  String format() {
    if (Double.isNaN(halfWidth)) {
      return String.format(Locale.ROOT, "%.2fx (%d it.)", value, iterations);
    }
    return String.format(Locale.ROOT, "%.2fx ± %.2f (%d it.)", value, halfWidth, iterations);
  }
}
