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
 *
 * <p>An arrival within the hour costs little more than a plain Poisson draw: a multiplication by
 * the hour's mean gap (its reciprocal rate, computed once per hour) and one comparison of the
 * arrival, in whole microseconds, with the hour's end. Only a draw that reaches the end, or the
 * first after a time outside the current hour, takes the slower path, which decides exactly.
 *
 * <p>Like every {@link Arrivals}, this is a cursor: {@link #next} is called with the start and then
 * with the arrival it last returned, so now never goes back before the current hour (an assertion
 * says so in tests). That is what lets the fast path leave out a comparison with the hour's start.
 */
final class ProfiledArrivals implements Arrivals {
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

  /** {@code hourEndMicros} shifted so that a signed comparison with it orders unsigned. */
  private long hourEndUnsignedOrder = Long.MIN_VALUE;

  private int hourOfWeek;
  private double hourRatePerMicro;

  /**
   * The current hour's mean gap between arrivals (microseconds per unit of cumulative rate;
   * infinite in an hour of no arrivals), and the cumulative rate it holds from start to end.
   */
  private double hourMicrosPerUnitRate;

  private double hourCapacity;

  ProfiledArrivals(ArrivalProcess.Profiled process, Sampler unitExponential) {
    int hours = ArrivalProcess.Profiled.HOURS_PER_WEEK;
    this.ratePerMicroByHourOfWeek = new double[hours];
    for (int hour = 0; hour < hours; hour++) {
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
  @Override
  public long next(long nowMicros) {
    double unitRate = unitExponential.sample();
    long arrivalMicros = nowMicros + Math.round(unitRate * hourMicrosPerUnitRate);
    // An arrival rounded to before the end was drawn before it, as the slow path would decide.
    // Compared unsigned, a sum past Long.MAX_VALUE (an hour of very few arrivals can draw a gap of
    // millennia) is never before the end.
    if (arrivalMicros + Long.MIN_VALUE < hourEndUnsignedOrder) {
      assert nowMicros >= hourStartMicros : "now went back before the hour of the last arrival";
      return arrivalMicros;
    }
    return nextFromAnotherHour(nowMicros, unitRate);
  }

  private long nextFromAnotherHour(long nowMicros, double unitRate) {
    if (nowMicros < hourStartMicros || nowMicros >= hourEndMicros) {
      enterHourAt(nowMicros);
    }
    double untilArrivalMicros = unitRate * hourMicrosPerUnitRate;
    // At or before the end: the first instant the hour's rate has used up the draw, as below.
    if (untilArrivalMicros <= hourEndMicros - nowMicros) {
      return nowMicros + Math.round(untilArrivalMicros);
    }
    return nextInLaterHours(unitRate - hourRatePerMicro * (hourEndMicros - nowMicros));
  }

  /** The arrival once the current hour, from now to its end, has used up part of the draw. */
  private long nextInLaterHours(double remaining) {
    while (true) {
      enterNextHour();
      if (hourRatePerMicro > 0 && remaining <= hourCapacity) {
        return hourStartMicros + Math.max(0, Math.round(remaining * hourMicrosPerUnitRate));
      }
      remaining -= hourCapacity;
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
    long start = hourEndMicros;
    enter(
        start,
        Math.min(start + HOUR, offsetUntilMicros),
        hourOfWeek + 1 == ratePerMicroByHourOfWeek.length ? 0 : hourOfWeek + 1);
  }

  /** Makes the local hour holding run time {@code t} the current one. */
  void enterHourAt(long t) {
    long local = localMicros(t);
    long localHour = Math.floorDiv(local, HOUR);
    enter(
        Math.max(t - (local - localHour * HOUR), offsetFromMicros),
        Math.min(t + ((localHour + 1) * HOUR - local), offsetUntilMicros),
        hourOfWeek(localHour));
  }

  private void enter(long startMicros, long endMicros, int hourOfWeek) {
    this.hourStartMicros = startMicros;
    this.hourEndMicros = endMicros;
    this.hourEndUnsignedOrder = endMicros + Long.MIN_VALUE;
    this.hourOfWeek = hourOfWeek;
    double ratePerMicro = ratePerMicroByHourOfWeek[hourOfWeek];
    this.hourRatePerMicro = ratePerMicro;
    this.hourMicrosPerUnitRate = 1 / ratePerMicro;
    this.hourCapacity = ratePerMicro * (endMicros - startMicros);
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
