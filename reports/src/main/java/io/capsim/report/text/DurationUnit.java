package io.capsim.report.text;

import java.util.Locale;

/**
 * The unit a span of seconds reads best in, for people: seconds below two minutes, minutes below
 * two hours, hours beyond. The console's table and the report's answer share it, so a wait reads
 * the same in both.
 */
public enum DurationUnit {
  SECONDS(1, "%.0f", "s"),
  MINUTES(60, "%.1f", "min"),
  HOURS(3600, "%.2f", "h");

  private final double seconds;
  private final String pattern;
  private final String symbol;

  DurationUnit(double seconds, String pattern, String symbol) {
    this.seconds = seconds;
    this.pattern = pattern;
    this.symbol = symbol;
  }

  /** The unit {@code seconds} reads best in. */
  public static DurationUnit forSeconds(double seconds) {
    if (seconds < 120) {
      return SECONDS;
    }
    return seconds < 7200 ? MINUTES : HOURS;
  }

  /** {@code seconds} in this unit, as a number with this unit's decimals, without the unit. */
  public String number(double valueSeconds) {
    return String.format(Locale.ROOT, pattern, valueSeconds / seconds);
  }

  /** {@code seconds} in this unit, with it: {@code 7.4 min}. */
  public String format(double valueSeconds) {
    return number(valueSeconds) + " " + symbol;
  }

  public String symbol() {
    return symbol;
  }
}
