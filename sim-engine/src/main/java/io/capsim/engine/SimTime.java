package io.capsim.engine;

import java.util.Locale;

/** Conversions and formatting for simulated time, which the engine keeps in microseconds. */
public final class SimTime {
  public static final long MICROS_PER_SECOND = 1_000_000L;
  public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
  public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
  public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

  private SimTime() {}

  /** Rounds {@code seconds} to the nearest microsecond. */
  public static long secondsToMicros(double seconds) {
    return Math.round(seconds * MICROS_PER_SECOND);
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
