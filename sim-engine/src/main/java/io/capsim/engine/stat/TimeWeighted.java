package io.capsim.engine.stat;

import io.capsim.engine.Resettable;
import io.capsim.engine.SimTime;

/**
 * The time average of a piecewise-constant quantity (nodes busy, queue length): the integral of the
 * value over time divided by the time observed, kept in O(1) memory.
 */
public final class TimeWeighted implements Resettable {
  private long startMicros;
  private long lastChangeMicros;
  private double value;
  private double area;
  private double max;

  /** Starts observing at {@code startMicros} with the quantity at {@code initialValue}. */
  public TimeWeighted(long startMicros, double initialValue) {
    this.startMicros = startMicros;
    this.lastChangeMicros = startMicros;
    this.value = initialValue;
    this.max = initialValue;
  }

  /** Records that the quantity is {@code newValue} from {@code nowMicros} on. */
  public void update(long nowMicros, double newValue) {
    accumulate(nowMicros);
    value = newValue;
    max = Math.max(max, newValue);
  }

  /** Adds {@code delta} to the quantity from {@code nowMicros} on. */
  public void add(long nowMicros, double delta) {
    update(nowMicros, value + delta);
  }

  /** The current value. */
  public double value() {
    return value;
  }

  /** The largest value held since the start or the last reset. */
  public double max() {
    return max;
  }

  /** The time average from the start (or last reset) to {@code nowMicros}. */
  public double mean(long nowMicros) {
    checkNotBefore(nowMicros);
    long elapsed = nowMicros - startMicros;
    if (elapsed == 0) {
      return value;
    }
    return (area + value * (nowMicros - lastChangeMicros)) / elapsed;
  }

  /** The integral of the value over time up to {@code nowMicros}, in value × seconds. */
  public double integralSeconds(long nowMicros) {
    checkNotBefore(nowMicros);
    return (area + value * (nowMicros - lastChangeMicros)) / SimTime.MICROS_PER_SECOND;
  }

  @Override
  public void reset(long nowMicros) {
    checkNotBefore(nowMicros);
    startMicros = nowMicros;
    lastChangeMicros = nowMicros;
    area = 0;
    max = value;
  }

  private void accumulate(long nowMicros) {
    checkNotBefore(nowMicros);
    area += value * (nowMicros - lastChangeMicros);
    lastChangeMicros = nowMicros;
  }

  private void checkNotBefore(long nowMicros) {
    if (nowMicros < lastChangeMicros) {
      throw new IllegalArgumentException(
          "time went backwards: "
              + SimTime.format(nowMicros)
              + " is before the last change at "
              + SimTime.format(lastChangeMicros));
    }
  }
}
