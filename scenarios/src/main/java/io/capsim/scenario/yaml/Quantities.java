package io.capsim.scenario.yaml;

import io.capsim.engine.SimTime;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations ({@code 90s}, {@code 15m}, {@code 2h}, {@code 3d}, ISO-8601 {@code PT2M}) and rates
 * ({@code 40/day}, {@code 3/h}, {@code 0.5/s}) as people write them in scenario files.
 */
public final class Quantities {
  private static final Pattern DURATION =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d|w)");
  private static final Pattern RATE =
      Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(s|sec|second|m|min|minute|h|hour|d|day|w|week)");

  private Quantities() {}

  /** Microseconds in {@code text}, or empty if it is not a duration. */
  public static Optional<Long> durationMicros(String text) {
    String trimmed = text.trim();
    Matcher m = DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      double value = Double.parseDouble(m.group(1));
      return Optional.of(Math.round(value * unitMicros(m.group(2))));
    }
    if (trimmed.startsWith("P") || trimmed.startsWith("p")) {
      try {
        Duration d = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
        if (d.isNegative()) {
          return Optional.empty();
        }
        // Beyond the clock: saturates, for the caller to refuse as too long rather than unreadable.
        return Optional.of(
            d.getSeconds() >= Long.MAX_VALUE / SimTime.MICROS_PER_SECOND
                ? Long.MAX_VALUE
                : d.getSeconds() * SimTime.MICROS_PER_SECOND + d.getNano() / 1000);
      } catch (DateTimeParseException | ArithmeticException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Events per second in {@code text}, or empty if it is not a rate. */
  public static Optional<Double> ratePerSecond(String text) {
    Matcher m = RATE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    double count = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    long micros =
        switch (unit.charAt(0)) {
          case 's' -> SimTime.MICROS_PER_SECOND;
          case 'm' -> SimTime.MICROS_PER_MINUTE;
          case 'h' -> SimTime.MICROS_PER_HOUR;
          case 'd' -> SimTime.MICROS_PER_DAY;
          default -> 7 * SimTime.MICROS_PER_DAY;
        };
    // Per second is the count itself: count x 10^6 / 10^6 can miss it by a bit (1.3552627e-5).
    return Optional.of(
        micros == SimTime.MICROS_PER_SECOND ? count : count * SimTime.MICROS_PER_SECOND / micros);
  }

  private static final String[] RATE_UNITS = {"s", "min", "h", "day"};
  private static final long[] RATE_UNIT_MICROS = {
    SimTime.MICROS_PER_SECOND,
    SimTime.MICROS_PER_MINUTE,
    SimTime.MICROS_PER_HOUR,
    SimTime.MICROS_PER_DAY
  };

  /**
   * Formats a rate so that {@link #ratePerSecond} reads back exactly {@code perSecond}, the way a
   * person would write it where that is exact: a whole count in the smallest unit that gives one
   * ({@code 3/h}, {@code 60/day}), else the shortest exact decimal ({@code 1.2/day}), else per
   * second.
   */
  public static String formatRate(double perSecond) {
    String shortest = null;
    for (int u = 0; u < RATE_UNITS.length; u++) {
      java.math.BigDecimal count =
          new java.math.BigDecimal(
                  Double.toString(perSecond * RATE_UNIT_MICROS[u] / SimTime.MICROS_PER_SECOND))
              .stripTrailingZeros();
      String text = count.toPlainString() + "/" + RATE_UNITS[u];
      if (ratePerSecond(text).filter(r -> r == perSecond).isEmpty()) {
        continue;
      }
      if (count.scale() <= 0) {
        return text;
      }
      if (shortest == null || text.length() < shortest.length()) {
        shortest = text;
      }
    }
    return shortest != null
        ? shortest
        : new java.math.BigDecimal(Double.toString(perSecond)).toPlainString() + "/s";
  }

  private static long unitMicros(String unit) {
    return switch (unit) {
      case "ms" -> 1_000L;
      case "s" -> SimTime.MICROS_PER_SECOND;
      case "m", "min" -> SimTime.MICROS_PER_MINUTE;
      case "h" -> SimTime.MICROS_PER_HOUR;
      case "d" -> SimTime.MICROS_PER_DAY;
      default -> 7 * SimTime.MICROS_PER_DAY;
    };
  }

  /**
   * Formats microseconds the shortest exact way: {@code 120s}, {@code 15m}, {@code 2h}, {@code 3d}.
   */
  public static String formatDuration(long micros) {
    if (micros % SimTime.MICROS_PER_DAY == 0 && micros > 0) {
      return micros / SimTime.MICROS_PER_DAY + "d";
    }
    if (micros % SimTime.MICROS_PER_HOUR == 0 && micros > 0) {
      return micros / SimTime.MICROS_PER_HOUR + "h";
    }
    if (micros % SimTime.MICROS_PER_MINUTE == 0 && micros > 0) {
      return micros / SimTime.MICROS_PER_MINUTE + "m";
    }
    if (micros % SimTime.MICROS_PER_SECOND == 0) {
      return micros / SimTime.MICROS_PER_SECOND + "s";
    }
    return java.math.BigDecimal.valueOf(micros, 3).stripTrailingZeros().toPlainString() + "ms";
  }
}
