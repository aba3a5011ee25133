package io.capsim.workload;

import io.capsim.engine.SimTime;
import io.capsim.engine.random.Sampler;
import java.time.Instant;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Draws the next arrival of a {@link ArrivalProcess.Profiled} process exactly: an Exp(1) amount of
 * cumulative rate is used up hour by hour of local time, each hour at its own rate, so quiet hours
 * pass without an arrival and busy ones fill in proportion.
 *
 * <p>Local hours come from arithmetic on microseconds, not from {@code java.time} per hour: between
 * two transitions of the time zone (daylight saving) the offset from UTC is constant, so a local
 * hour starts at a whole multiple of an hour of local time. The zone's rules are asked only for the
 * offset at the start and at each transition, twice a year for most zones.
 */
final class ProfiledArrivals {
  /**
   * 1970-01-01, the local epoch the hours are counted from, was a Thursday: Monday 00:00 + 72 h.
   */
  private static final long THURSDAY_HOUR_OF_WEEK = 3 * 24;

  private static final long HOUR = SimTime.MICROS_PER_HOUR;

  private final double[] ratePerMicroByHourOfWeek;
  private final Sampler unitExponential;
  private final ZoneRules rules;
  private final long epochMicros;

  /**
   * The stretch [offsetFromMicros, offsetUntilMicros) of run time during which the offset holds.
   */
  private long offsetFromMicros = Long.MAX_VALUE;

  private long offsetUntilMicros = Long.MIN_VALUE;
  private long offsetMicros;

  /** The local hour arrivals are being drawn in, [start, end) in run time, and its rate. */
  private long hourStartMicros = Long.MAX_VALUE;

  private long hourEndMicros = Long.MIN_VALUE;
  private int hourOfWeek;
  private double hourRatePerMicro;

  ProfiledArrivals(ArrivalProcess.Profiled process, Sampler unitExponential) {
    this.ratePerMicroByHourOfWeek = new double[ArrivalProcess.Profiled.HOURS_PER_WEEK];
    for (int hour = 0; hour < ratePerMicroByHourOfWeek.length; hour++) {
      ratePerMicroByHourOfWeek[hour] = process.perSecond() * process.multiplierAt(hour) / 1e6;
    }
    this.unitExponential = unitExponential;
    this.rules = process.timeZone().getRules();
    Instant epoch = process.epoch();
    this.epochMicros =
        Math.addExact(
            Math.multiplyExact(epoch.getEpochSecond(), 1_000_000L), epoch.getNano() / 1000);
  }

  /** The time of the first arrival after {@code nowMicros}. */
  long nextAfter(long nowMicros) {
    double remaining = unitExponential.sample();
    long t = nowMicros;
    if (t < hourStartMicros || t >= hourEndMicros) {
      enterHourAt(t);
    }
    while (true) {
      double capacity = hourRatePerMicro * (hourEndMicros - t);
      if (hourRatePerMicro > 0 && remaining <= capacity) {
        return t + Math.max(0, Math.round(remaining / hourRatePerMicro));
      }
      remaining -= capacity;
      t = hourEndMicros;
      enterNextHour();
    }
  }

  /**
   * Steps to the hour after the current one: the next whole local hour, unless the zone's offset
   * changes at the end of the current one.
   */
  void enterNextHour() {
    if (hourEndMicros >= offsetUntilMicros) {
      enterHourAt(hourEndMicros);
      return;
    }
    hourStartMicros = hourEndMicros;
    hourEndMicros = Math.min(hourStartMicros + HOUR, offsetUntilMicros);
    hourOfWeek = hourOfWeek + 1 == ratePerMicroByHourOfWeek.length ? 0 : hourOfWeek + 1;
    hourRatePerMicro = ratePerMicroByHourOfWeek[hourOfWeek];
  }

  /** Makes the local hour holding run time {@code t} the current one. */
  void enterHourAt(long t) {
    long local = localMicros(t);
    long localHour = Math.floorDiv(local, HOUR);
    hourStartMicros = Math.max(t - (local - localHour * HOUR), offsetFromMicros);
    hourEndMicros = Math.min(t + ((localHour + 1) * HOUR - local), offsetUntilMicros);
    hourOfWeek = hourOfWeek(localHour);
    hourRatePerMicro = ratePerMicroByHourOfWeek[hourOfWeek];
  }

  /** The start of the current hour, in run time: a whole local hour, or a transition. */
  long hourStartMicros() {
    return hourStartMicros;
  }

  /** The end of the current hour, in run time: the next whole local hour, or a transition. */
  long hourEndMicros() {
    return hourEndMicros;
  }

  /** The hour of the local week (Monday 00-01 is 0) the current hour is. */
  int hourOfWeek() {
    return hourOfWeek;
  }

  private static int hourOfWeek(long localHour) {
    return Math.floorMod(localHour + THURSDAY_HOUR_OF_WEEK, ArrivalProcess.Profiled.HOURS_PER_WEEK);
  }

  /** Run time {@code t} as microseconds of local time since 1970-01-01T00:00 local. */
  private long localMicros(long t) {
    if (t < offsetFromMicros || t >= offsetUntilMicros) {
      findOffset(t);
    }
    return epochMicros + t + offsetMicros;
  }

  private void findOffset(long t) {
    Instant instant = toInstant(t);
    offsetMicros = rules.getOffset(instant).getTotalSeconds() * SimTime.MICROS_PER_SECOND;
    ZoneOffsetTransition previous = rules.previousTransition(instant.plusNanos(1000));
    offsetFromMicros = previous == null ? Long.MIN_VALUE : toRunMicros(previous.getInstant());
    ZoneOffsetTransition next = rules.nextTransition(instant);
    offsetUntilMicros = next == null ? Long.MAX_VALUE : toRunMicros(next.getInstant());
  }

  private Instant toInstant(long t) {
    long micros = epochMicros + t;
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }

  private long toRunMicros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000 - epochMicros;
  }
}
