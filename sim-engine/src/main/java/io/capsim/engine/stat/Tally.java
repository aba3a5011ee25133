package io.capsim.engine.stat;

import io.capsim.engine.Resettable;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Count, mean, variance, minimum and maximum of observations, kept in O(1) memory with Welford's
 * update, which stays accurate where the naive sum of squares cancels catastrophically.
 *
 * <p>Across replications (one observation per run) it gives the Student-t confidence half-width of
 * the mean: {@code t(1 - (1 - level) / 2, n - 1) · s / sqrt(n)}.
 */
public final class Tally implements Resettable {
  private long count;
  private double mean;
  private double sumSquaredDeviations;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  public void record(double value) {
    count++;
    double delta = value - mean;
    mean += delta / count;
    sumSquaredDeviations += delta * (value - mean);
    min = Math.min(min, value);
    max = Math.max(max, value);
  }

  public long count() {
    return count;
  }

  /** The mean; NaN before the first observation. */
  public double mean() {
    return count == 0 ? Double.NaN : mean;
  }

  /** The unbiased sample variance; NaN with fewer than two observations. */
  public double variance() {
    return count < 2 ? Double.NaN : sumSquaredDeviations / (count - 1);
  }

  public double standardDeviation() {
    return Math.sqrt(variance());
  }

  /** The smallest observation; +∞ before the first. */
  public double min() {
    return min;
  }

  /** The largest observation; -∞ before the first. */
  public double max() {
    return max;
  }

  /** The 95 % confidence half-width of the mean; NaN with fewer than two observations. */
  public double halfWidth95() {
    return halfWidth(0.95);
  }

  /**
   * The half-width of the two-sided Student-t confidence interval of the mean at {@code level} (in
   * (0, 1)); NaN with fewer than two observations.
   */
  public double halfWidth(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
    }
    if (count < 2) {
      return Double.NaN;
    }
    double t = new TDistribution(null, count - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    return t * standardDeviation() / Math.sqrt((double) count);
  }

  @Override
  public void reset(long nowMicros) {
    count = 0;
    mean = 0;
    sumSquaredDeviations = 0;
    min = Double.POSITIVE_INFINITY;
    max = Double.NEGATIVE_INFINITY;
  }

  @Override
  public String toString() {
    return "Tally[n=" + count + ", mean=" + mean() + ", sd=" + standardDeviation() + "]";
  }
}
