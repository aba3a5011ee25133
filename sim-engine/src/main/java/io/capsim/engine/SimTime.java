package io.capsim.engine;

import java.util.Locale;

/** Conversions and formatting for simulated time, which the engine keeps in microseconds. */
public final class SimTime {
  public static final long MICROS_PER_SECOND = 1_000_000L;
  public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
  public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

  /** The longest a run may last: 100 years of 365 days, 36500d. */
  public static final long LONGEST_RUN_MICROS = 36_500 * MICROS_PER_DAY;

  /**
   * The longest time {@link #secondsToMicros} gives: ten times the longest run. A heavy-tailed
   * distribution can draw a job of 10^300 seconds; capped here it still ends after every run's end,
   * so no result changes, and the clock cannot overflow adding it to any time in a run.
   */
  public static final long LONGEST_DELAY_MICROS = 10 * LONGEST_RUN_MICROS;

  private SimTime() {}

  /** Rounds {@code seconds} to the nearest microsecond, at most {@link #LONGEST_DELAY_MICROS}. */
  public static long secondsToMicros(double seconds) {
    return Math.min(Math.round(seconds * MICROS_PER_SECOND), LONGEST_DELAY_MICROS);
  }

  public static double microsToSeconds(long micros) {
    return micros / (double) MICROS_PER_SECOND;
  }

  /**
   * Formats {@code micros} for people and error messages, keeping the exact value: {@code
   * 93784000005 µs (1d 02:03:04.000005)}.
   */
  public static String format(long micros) {
    return micros + " µs (" + human(micros) + ")";
  }

  private static String human(long micros) {
    if (micros < 0) {
      return micros == Long.MIN_VALUE ? "-∞" : "-" + human(-micros);
    }
    long days = micros / MICROS_PER_DAY;
    long rest = micros % MICROS_PER_DAY;
    String clock =
        String.format(
            Locale.ROOT,
            "%02d:%02d:%02d",
            rest / MICROS_PER_HOUR,
            rest % MICROS_PER_HOUR / MICROS_PER_MINUTE,
            rest % MICROS_PER_MINUTE / MICROS_PER_SECOND);
    long fraction = rest % MICROS_PER_SECOND;
    if (fraction != 0) {
      clock += String.format(Locale.ROOT, ".%06d", fraction);
    }
    return days == 0 ? clock : days + "d " + clock;
  }
}
