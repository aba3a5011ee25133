package io.capsim.workload;

import io.capsim.engine.random.Sampler;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Draws the next arrival of a {@link ArrivalProcess.Profiled} process exactly: an Exp(1) amount of
 * cumulative rate is used up hour by hour of local time, each hour at its own rate, so quiet hours
 * pass without an arrival and busy ones fill in proportion.
 */
final class ProfiledArrivals {
  private final ArrivalProcess.Profiled process;
  private final Sampler unitExponential;

  ProfiledArrivals(ArrivalProcess.Profiled process, Sampler unitExponential) {
    this.process = process;
    this.unitExponential = unitExponential;
  }

  /** The time of the first arrival after {@code nowMicros}. */
  long nextAfter(long nowMicros) {
    double remaining = unitExponential.sample();
    long t = nowMicros;
    while (true) {
      ZonedDateTime local = toLocal(t);
      long hourEnd = toMicros(local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant());
      int hourOfWeek = (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
      double ratePerMicro = process.perSecond() * process.multiplierAt(hourOfWeek) / 1e6;
      double capacity = ratePerMicro * (hourEnd - t);
      if (ratePerMicro > 0 && remaining <= capacity) {
        return t + Math.max(0, Math.round(remaining / ratePerMicro));
      }
      remaining -= capacity;
      t = hourEnd;
    }
  }

  private ZonedDateTime toLocal(long micros) {
    return process.epoch().plus(micros, ChronoUnit.MICROS).atZone(process.timeZone());
  }

  private long toMicros(Instant instant) {
    return ChronoUnit.MICROS.between(process.epoch(), instant);
  }
}
