package io.capsim.engine.stat;

import io.capsim.engine.Resettable;
import org.HdrHistogram.Histogram;

/**
 * Quantiles of non-negative durations (waits, latencies) in microseconds without storing the
 * samples: an auto-resizing HdrHistogram with 3 significant digits, so any quantile is within 0.1 %
 * of the exact sample quantile whatever the range, from 0 µs to years.
 */
public final class QuantileRecorder implements Resettable {
  private static final int SIGNIFICANT_DIGITS = 3;

  private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);

  public void record(long valueMicros) {
    if (valueMicros < 0) {
      throw new IllegalArgumentException(
          "cannot record a negative duration: " + valueMicros + " µs");
    }
    histogram.recordValue(valueMicros);
  }

  public long count() {
    return histogram.getTotalCount();
  }

  /** The mean in microseconds; NaN when empty. */
  public double meanMicros() {
    return count() == 0 ? Double.NaN : histogram.getMean();
  }

  /**
   * The {@code quantile} (in [0, 1]) in microseconds: the smallest recorded value (to 3 significant
   * digits) that at least that share of the samples does not exceed; 0 when empty.
   */
  public long quantileMicros(double quantile) {
    if (!(quantile >= 0 && quantile <= 1)) {
      throw new IllegalArgumentException("quantile must be in [0, 1], was " + quantile);
    }
    return histogram.getValueAtPercentile(quantile * 100);
  }

  /** The share of samples above {@code valueMicros} (exact at 0); 0 when empty. */
  public double fractionAbove(long valueMicros) {
    long count = count();
    return count == 0 ? 0 : 1 - histogram.getCountBetweenValues(0, valueMicros) / (double) count;
  }

  @Override
  public void reset(long nowMicros) {
    histogram.reset();
  }
}
