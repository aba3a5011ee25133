package io.capsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Distribution;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The draws of profiled arrivals: each hour of the week gets the arrivals its rate and its length
 * call for, counted against expectations summed hour by hour of UTC through {@code java.time} (so
 * the short and long days of daylight saving count as they should), and no draw ever lands in an
 * hour of no arrivals.
 */
class ProfiledArrivalsDrawTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant EPOCH = Instant.parse("2026-01-05T00:00:00Z");
  private static final int WEEKS = 200;

  /** 2^-20 arrivals per µs, so that rates, gaps and what an hour holds are exact in binary. */
  private static final double RATE_PER_MICRO = Math.scalb(1.0, -20);

  /**
   * At 20 an hour most draws end in the hour they start in; at one every four hours most run on
   * through several, so what an hour leaves of a draw must carry into the next.
   */
  @ParameterizedTest
  @ValueSource(doubles = {20, 0.25})
  void eachHourOfTheWeek_getsArrivalsInProportionToItsRateAndLength(double perHourAtOne) {
    double[] multipliers = new double[ArrivalProcess.Profiled.HOURS_PER_WEEK];
    for (int hour = 0; hour < multipliers.length; hour++) {
      multipliers[hour] = hour % 7; // every seventh hour has none; the others 1 to 6
    }
    double perSecond = perHourAtOne / 3600;
    ArrivalProcess.Profiled process =
        new ArrivalProcess.Profiled(perSecond, multipliers, BERLIN, EPOCH);
    ProfiledArrivals arrivals =
        new ProfiledArrivals(
            process, Distribution.exponential(1).sampler(new Simulation(7, 0).stream("a")));
    long endMicros = WEEKS * 7 * SimTime.MICROS_PER_DAY;

    long[] counted = new long[multipliers.length];
    for (long t = arrivals.next(0); t < endMicros; t = arrivals.next(t)) {
      counted[hourOfWeek(t)]++;
    }

    double[] expected = new double[multipliers.length];
    // Hour by hour of UTC: Berlin's offsets are whole hours, so each is one local hour.
    for (long t = 0; t < endMicros; t += SimTime.MICROS_PER_HOUR) {
      int hour = hourOfWeek(t);
      expected[hour] += perSecond * multipliers[hour] * 3600;
    }
    for (int hour = 0; hour < multipliers.length; hour++) {
      if (expected[hour] == 0) {
        assertThat(counted[hour]).as("arrivals in closed hour %d", hour).isZero();
      } else {
        // Poisson counts: within 4.5 standard deviations in each of the 144 open hours.
        assertThat((double) counted[hour])
            .as("arrivals in hour %d of the week, expected %.1f", hour, expected[hour])
            .isBetween(
                expected[hour] - 4.5 * Math.sqrt(expected[hour]),
                expected[hour] + 4.5 * Math.sqrt(expected[hour]));
      }
    }
  }

  @Test
  void aDrawOfZero_inAnHourOfNoArrivals_arrivesWhenTheNextOpenHourStarts() {
    ArrivalProcess.Profiled process =
        new ArrivalProcess.Profiled(1, ArrivalProcess.Profiled.workdays(), BERLIN, EPOCH);
    ProfiledArrivals arrivals = new ProfiledArrivals(process, () -> 0);
    // Saturday 2026-01-10 12:00 in Berlin (UTC+1); the next open hour is Monday 09:00.
    long saturdayNoon = micros("2026-01-10T11:00:00Z");
    assertThat(arrivals.next(saturdayNoon)).isEqualTo(micros("2026-01-12T08:00:00Z"));
    // Inside an open hour a draw of 0 arrives at once.
    long mondayTen = micros("2026-01-12T09:00:00Z");
    assertThat(arrivals.next(mondayTen)).isEqualTo(mondayTen);
  }

  /**
   * A draw that lands 0.6 µs after now, 1 µs before Friday's last open hour ends, rounds to the end
   * of that hour: the arrival is then, not carried over the weekend to Monday 09:00, whether the
   * cursor was already in that hour or not.
   */
  @Test
  void aDrawEndingJustBeforeTheHourEnds_arrivesThen_notAfterTheClosedHours() {
    ArrivalProcess.Profiled process =
        new ArrivalProcess.Profiled(1, ArrivalProcess.Profiled.workdays(), BERLIN, EPOCH);
    double ratePerMicro = 24.0 / 9 / 1e6;
    long fridaySixPm = micros("2026-01-09T17:00:00Z");
    ProfiledArrivals fresh = new ProfiledArrivals(process, () -> 0.6 * ratePerMicro);
    assertThat(fresh.next(fridaySixPm - 1)).isEqualTo(fridaySixPm);
    ProfiledArrivals inTheHour = new ProfiledArrivals(process, () -> 0.6 * ratePerMicro);
    inTheHour.enterHourAt(fridaySixPm - 1);
    assertThat(inTheHour.next(fridaySixPm - 1)).isEqualTo(fridaySixPm);
  }

  /**
   * A draw of an open hour's worth of arrivals made at Friday 17:30 uses the half hour left, skips
   * the weekend and uses the other half on Monday from 09:00.
   */
  @Test
  void aDrawRunningPastTheLastOpenHour_carriesOverTheWeekend() {
    ArrivalProcess.Profiled process =
        new ArrivalProcess.Profiled(1, ArrivalProcess.Profiled.workdays(), BERLIN, EPOCH);
    double perOpenHour = 24.0 / 9 * 3600;
    ProfiledArrivals arrivals = new ProfiledArrivals(process, () -> perOpenHour);
    assertThat(arrivals.next(micros("2026-01-09T16:30:00Z")))
        .isEqualTo(micros("2026-01-12T08:30:00Z"));
  }

  /**
   * A draw of exactly the rate left in Friday's last open hour is used up at 18:00: the arrival is
   * the first instant the cumulative rate reaches the draw, the hour's end, not the next open hour
   * on Monday.
   */
  @Test
  void aDrawOfExactlyTheRateLeftInTheHour_arrivesAtItsEnd() {
    long fridaySixPm = micros("2026-01-09T17:00:00Z");
    long now = fridaySixPm - SimTime.MICROS_PER_SECOND;
    double drawnRate = SimTime.MICROS_PER_SECOND * RATE_PER_MICRO;
    ProfiledArrivals fresh = new ProfiledArrivals(exactWorkdays(), () -> drawnRate);
    assertThat(fresh.next(now)).isEqualTo(fridaySixPm);
    ProfiledArrivals inTheHour = new ProfiledArrivals(exactWorkdays(), () -> drawnRate);
    inTheHour.enterHourAt(now);
    assertThat(inTheHour.next(now)).isEqualTo(fridaySixPm);
  }

  /**
   * An arrival at 18:00 on Friday ends the cursor's hour; a draw of 0 from there belongs to the
   * closed hour that starts then, so it arrives on Monday at 09:00, not at once.
   */
  @Test
  void aDrawOfZero_fromTheEndOfTheCursorsHour_arrivesWhenTheNextOpenHourStarts() {
    long fridaySixPm = micros("2026-01-09T17:00:00Z");
    double[] draws = {SimTime.MICROS_PER_SECOND * RATE_PER_MICRO, 0};
    int[] drawn = {0};
    ProfiledArrivals arrivals = new ProfiledArrivals(exactWorkdays(), () -> draws[drawn[0]++]);
    assertThat(arrivals.next(fridaySixPm - SimTime.MICROS_PER_SECOND)).isEqualTo(fridaySixPm);
    assertThat(arrivals.next(fridaySixPm)).isEqualTo(micros("2026-01-12T08:00:00Z"));
  }

  /**
   * A draw of the second before 17:00 and all of the next, last open hour is used up at 18:00, at
   * the end of the hour that holds exactly what was left of it.
   */
  @Test
  void aDrawUsingUpALaterHourExactly_arrivesAtThatHoursEnd() {
    long fridayFivePm = micros("2026-01-09T16:00:00Z");
    long now = fridayFivePm - SimTime.MICROS_PER_SECOND;
    double drawnRate = (SimTime.MICROS_PER_SECOND + SimTime.MICROS_PER_HOUR) * RATE_PER_MICRO;
    ProfiledArrivals arrivals = new ProfiledArrivals(exactWorkdays(), () -> drawnRate);
    assertThat(arrivals.next(now)).isEqualTo(fridayFivePm + SimTime.MICROS_PER_HOUR);
  }

  /** Open 09-18 on weekdays at {@link #RATE_PER_MICRO} (15625 / 16384 a second), closed else. */
  private static ArrivalProcess.Profiled exactWorkdays() {
    double[] openHours = new double[ArrivalProcess.Profiled.HOURS_PER_WEEK];
    for (int day = 0; day < 5; day++) {
      Arrays.fill(openHours, day * 24 + 9, day * 24 + 18, 1);
    }
    return new ArrivalProcess.Profiled(15625 / 16384.0, openHours, BERLIN, EPOCH);
  }

  /**
   * A draw 1.2 µs long with 1 µs left of Friday's last open hour rounds to the hour's end, but it
   * was drawn past it: the 0.2 µs left over are used on Monday from 09:00, not at the end.
   */
  @Test
  void aDrawJustPastTheHourEnd_thatRoundsToIt_carriesOverTheWeekend() {
    ArrivalProcess.Profiled process =
        new ArrivalProcess.Profiled(1, ArrivalProcess.Profiled.workdays(), BERLIN, EPOCH);
    double ratePerMicro = 24.0 / 9 / 1e6;
    ProfiledArrivals arrivals = new ProfiledArrivals(process, () -> 1.2 * ratePerMicro);
    long fridaySixPm = micros("2026-01-09T17:00:00Z");
    arrivals.enterHourAt(fridaySixPm - 1);
    assertThat(arrivals.next(fridaySixPm - 1)).isEqualTo(micros("2026-01-12T08:00:00Z"));
  }

  /**
   * Draws of 0 at random times, in any order each on a cursor of its own, and in order through one
   * cursor as a run makes them (never before its last arrival): each arrives at once in an open
   * hour, and when the next open hour starts in a closed one, as java.time says.
   */
  @Test
  void drawsOfZero_atRandomTimes_arriveAtTheFirstOpenInstant() {
    ArrivalProcess.Profiled process =
        new ArrivalProcess.Profiled(1, ArrivalProcess.Profiled.workdays(), BERLIN, EPOCH);
    SplittableRandom random = new SplittableRandom(3);
    long[] times = new long[3_000];
    for (int i = 0; i < times.length; i++) {
      times[i] = random.nextLong(WEEKS * 7 * SimTime.MICROS_PER_DAY);
      assertThat(new ProfiledArrivals(process, () -> 0).next(times[i]))
          .as("a draw of 0 at %s on a new cursor", at(times[i]))
          .isEqualTo(firstOpenAtOrAfter(times[i]));
    }
    Arrays.sort(times);
    ProfiledArrivals arrivals = new ProfiledArrivals(process, () -> 0);
    long last = 0;
    for (long time : times) {
      long t = Math.max(time, last); // a run never asks before its last arrival
      last = arrivals.next(t);
      assertThat(last).as("a draw of 0 at %s", at(t)).isEqualTo(firstOpenAtOrAfter(t));
    }
  }

  /** A caller that takes the cursor back before the current hour breaks its contract. */
  @Test
  void aTimeBeforeTheCurrentHour_failsTheCursorsAssertion() {
    assumeTrue(ProfiledArrivals.class.desiredAssertionStatus(), "tests run with -ea");
    ArrivalProcess.Profiled process =
        new ArrivalProcess.Profiled(1, ArrivalProcess.Profiled.workdays(), BERLIN, EPOCH);
    ProfiledArrivals arrivals = new ProfiledArrivals(process, () -> 0);
    long mondayTen = micros("2026-01-12T09:00:00Z");
    assertThat(arrivals.next(mondayTen)).isEqualTo(mondayTen);
    assertThatThrownBy(() -> arrivals.next(mondayTen - SimTime.MICROS_PER_DAY))
        .isInstanceOf(AssertionError.class)
        .hasMessage("now went back before the hour of the last arrival");
  }

  /** The first instant at or after {@code t} in a working hour (09-18, Monday to Friday). */
  private static long firstOpenAtOrAfter(long t) {
    ZonedDateTime local = at(t).atZone(BERLIN);
    while (local.getDayOfWeek().getValue() > 5 || local.getHour() < 9 || local.getHour() >= 18) {
      local = local.truncatedTo(ChronoUnit.HOURS).plusHours(1);
    }
    return ChronoUnit.MICROS.between(EPOCH, local.toInstant());
  }

  private static Instant at(long t) {
    return EPOCH.plus(t, ChronoUnit.MICROS);
  }

  private static long micros(String instant) {
    return ChronoUnit.MICROS.between(EPOCH, Instant.parse(instant));
  }

  private static int hourOfWeek(long t) {
    ZonedDateTime local = EPOCH.plus(t, ChronoUnit.MICROS).atZone(BERLIN);
    return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
  }
}
