package io.capsim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.engine.SimTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The local hours the profiled arrivals step through, from offset arithmetic, are those {@code
 * java.time} gives: the same hour of the week and the same end of the hour (the next local hour, or
 * a transition of the zone if one comes first), both when the arrivals step from one hour to the
 * next, as they do while drawing, and when they jump to an instant inside an hour, over two years,
 * across daylight saving in both directions, in zones with half-hour offsets and half-hour shifts.
 * (Stepping by {@code ZonedDateTime.truncatedTo(HOURS).plusHours(1)}, as capsim did until 2026-12,
 * gives an hour of no length at Lord Howe's autumn shift, where it would have looped forever.)
 */
class ProfiledArrivalsTest {
  private static final Instant EPOCH = Instant.parse("2026-01-05T00:00:00Z");
  private static final long TWO_YEARS = 730 * SimTime.MICROS_PER_DAY;

  /** Daylight saving both ways, half-hour offsets, a half-hour shift, and none at all. */
  static Stream<String> zones() {
    return Stream.of(
        "America/New_York",
        "Europe/Berlin",
        "Australia/Lord_Howe",
        "Asia/Kolkata",
        "Pacific/Chatham",
        "UTC");
  }

  @ParameterizedTest
  @MethodSource("zones")
  void steppingHourByHour_givesJavaTimesHours(String zoneName) {
    ZoneId zone = ZoneId.of(zoneName);
    ProfiledArrivals arrivals = arrivals(zone);
    arrivals.enterHourAt(0);
    int hours = 0;
    while (arrivals.hourStartMicros() < TWO_YEARS) {
      long start = arrivals.hourStartMicros();
      assertThat(arrivals.hourOfWeek())
          .as("hour of week at %s", at(start))
          .isEqualTo(hourOfWeek(zone, start));
      assertThat(arrivals.hourEndMicros())
          .as("end of the hour at %s", at(start))
          .isEqualTo(hourEnd(zone, start));
      arrivals.enterNextHour();
      assertThat(arrivals.hourStartMicros()).isEqualTo(hourEnd(zone, start));
      hours++;
    }
    assertThat(hours).isBetween(730 * 24, 730 * 24 + 8);
  }

  @ParameterizedTest
  @MethodSource("zones")
  void jumpingInsideAnHour_givesJavaTimesHour(String zoneName) {
    ZoneId zone = ZoneId.of(zoneName);
    ProfiledArrivals arrivals = arrivals(zone);
    SplittableRandom random = new SplittableRandom(zoneName.hashCode());
    long t = 0;
    int checked = 0;
    while (t < TWO_YEARS) {
      arrivals.enterHourAt(t);
      assertThat(arrivals.hourOfWeek())
          .as("hour of week at %s", at(t))
          .isEqualTo(hourOfWeek(zone, t));
      assertThat(arrivals.hourEndMicros())
          .as("end of the hour at %s", at(t))
          .isEqualTo(hourEnd(zone, t));
      t = arrivals.hourEndMicros() + random.nextLong(SimTime.MICROS_PER_HOUR);
      checked++;
    }
    assertThat(checked).isGreaterThan(10_000);
  }

  /**
   * Random instants in random order, forward and back across transitions, from an epoch a fraction
   * of a second past a whole second (so run time and local hours are not aligned).
   */
  @ParameterizedTest
  @ValueSource(strings = {"America/New_York", "Australia/Lord_Howe", "Asia/Kolkata"})
  void jumpingBackAndForth_fromAnEpochWithinASecond_givesJavaTimesHour(String zoneName) {
    ZoneId zone = ZoneId.of(zoneName);
    Instant epoch = Instant.parse("2026-01-05T00:00:00.250375Z");
    ProfiledArrivals arrivals =
        new ProfiledArrivals(
            new ArrivalProcess.Profiled(1, ArrivalProcess.Profiled.workdays(), zone, epoch),
            () -> 1);
    SplittableRandom random = new SplittableRandom(zoneName.hashCode());
    for (int i = 0; i < 5_000; i++) {
      long t = random.nextLong(TWO_YEARS);
      arrivals.enterHourAt(t);
      assertThat(arrivals.hourOfWeek())
          .as("hour of week at %s", at(epoch, t))
          .isEqualTo(hourOfWeek(zone, epoch, t));
      assertThat(arrivals.hourEndMicros())
          .as("end of the hour at %s", at(epoch, t))
          .isEqualTo(hourEnd(zone, epoch, t));
    }
  }

  private static ProfiledArrivals arrivals(ZoneId zone) {
    return new ProfiledArrivals(
        new ArrivalProcess.Profiled(1, ArrivalProcess.Profiled.workdays(), zone, EPOCH), () -> 1);
  }

  private static Instant at(long t) {
    return at(EPOCH, t);
  }

  private static Instant at(Instant epoch, long t) {
    return epoch.plus(t, ChronoUnit.MICROS);
  }

  private static int hourOfWeek(ZoneId zone, long t) {
    return hourOfWeek(zone, EPOCH, t);
  }

  private static int hourOfWeek(ZoneId zone, Instant epoch, long t) {
    ZonedDateTime local = at(epoch, t).atZone(zone);
    return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
  }

  private static long hourEnd(ZoneId zone, long t) {
    return hourEnd(zone, EPOCH, t);
  }

  private static long hourEnd(ZoneId zone, Instant epoch, long t) {
    // The next whole hour of local time at the offset in force at t (a ZonedDateTime truncated to
    // the hour would land in a gap or an overlap when a zone shifts by half an hour).
    ZonedDateTime local = at(epoch, t).atZone(zone);
    Instant nextHour =
        local
            .toLocalDateTime()
            .truncatedTo(ChronoUnit.HOURS)
            .plusHours(1)
            .toInstant(local.getOffset());
    ZoneOffsetTransition transition = zone.getRules().nextTransition(at(epoch, t));
    Instant end =
        transition != null && transition.getInstant().isBefore(nextHour)
            ? transition.getInstant()
            : nextHour;
    return ChronoUnit.MICROS.between(epoch, end);
  }
}
