package io.capsim.workload;

import io.capsim.compute.JobCompute;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Distribution;
import io.capsim.engine.random.Sampler;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/** When a workload's jobs arrive. */
public sealed interface ArrivalProcess
    permits ArrivalProcess.Poisson,
        ArrivalProcess.At,
        ArrivalProcess.Periodic,
        ArrivalProcess.Profiled,
        ArrivalProcess.Scheduled,
        Trace {
  /**
   * The arrivals of one run, drawing from {@code simulation}'s stream {@code streamName} if the
   * process is random.
   */
  Arrivals arrivals(Simulation simulation, String streamName);

  /**
   * Why some of the jobs this process submits can never run on {@code compute}, for widths of its
   * own; empty if they all can. The workload's {@code instance_count}, which every other process
   * uses, is checked apart.
   */
  Optional<String> whyJobsCannotRunOn(JobCompute compute);

  /**
   * How many jobs arrive by {@code horizonMicros} on average: what a run will cost to simulate,
   * estimated before it starts.
   */
  double expectedArrivals(long horizonMicros);

  /**
   * The node-seconds of work that arrive by {@code horizonMicros} on average, at the reference
   * size, for jobs of {@code meanDurationSeconds} on {@code instanceCount} nodes (a trace's jobs
   * bring their own).
   */
  default double expectedNodeSeconds(
      long horizonMicros, double meanDurationSeconds, int instanceCount) {
    return expectedArrivals(horizonMicros) * meanDurationSeconds * instanceCount;
  }

  /** Arrivals at {@code perSecond} on average, memoryless (a Poisson process). */
  record Poisson(double perSecond) implements ArrivalProcess {
    public Poisson {
      if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
        throw new IllegalArgumentException("arrival rate must be finite and > 0, was " + perSecond);
      }
    }

    @Override
    public Optional<String> whyJobsCannotRunOn(JobCompute compute) {
      return Optional.empty();
    }

    @Override
    public double expectedArrivals(long horizonMicros) {
      return perSecond * SimTime.microsToSeconds(horizonMicros);
    }

    @Override
    public Arrivals arrivals(Simulation simulation, String streamName) {
      Sampler interarrivalSeconds =
          Distribution.exponential(1 / perSecond).sampler(simulation.stream(streamName));
      return now -> now + SimTime.secondsToMicros(interarrivalSeconds.sample());
    }
  }

  /** Arrivals at exactly these times, in microseconds from the start, in order. */
  // Arrays copied in, read on hot paths; equality by identity is what callers want.
  @SuppressWarnings("ArrayRecordComponent")
  record At(long[] micros) implements ArrivalProcess {
    public At {
      micros = micros.clone();
      for (int i = 0; i < micros.length; i++) {
        if (micros[i] < 0 || (i > 0 && micros[i] < micros[i - 1])) {
          throw new IllegalArgumentException(
              "arrival times must be >= 0 and in order; arrival "
                  + i
                  + " is at "
                  + micros[i]
                  + " µs");
        }
      }
    }

    @Override
    public long[] micros() {
      return micros.clone();
    }

    @Override
    public Optional<String> whyJobsCannotRunOn(JobCompute compute) {
      return Optional.empty();
    }

    @Override
    public double expectedArrivals(long horizonMicros) {
      return Arrays.stream(micros).filter(t -> t <= horizonMicros).count();
    }

    @Override
    public Arrivals arrivals(Simulation simulation, String streamName) {
      int[] next = {0};
      return now -> next[0] < micros.length ? micros[next[0]++] : Arrivals.NONE;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof At that && Arrays.equals(micros, that.micros);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(micros);
    }

    @Override
    public String toString() {
      return "At" + Arrays.toString(micros);
    }
  }

  /** One arrival every {@code everyMicros}, the first at {@code offsetMicros}. */
  record Periodic(long everyMicros, long offsetMicros) implements ArrivalProcess {
    public Periodic {
      if (everyMicros <= 0 || offsetMicros < 0) {
        throw new IllegalArgumentException(
            "periodic arrivals need every > 0 and offset >= 0, were "
                + everyMicros
                + " and "
                + offsetMicros
                + " µs");
      }
    }

    @Override
    public Optional<String> whyJobsCannotRunOn(JobCompute compute) {
      return Optional.empty();
    }

    @Override
    public double expectedArrivals(long horizonMicros) {
      return offsetMicros > horizonMicros ? 0 : (horizonMicros - offsetMicros) / everyMicros + 1;
    }

    @Override
    public Arrivals arrivals(Simulation simulation, String streamName) {
      boolean[] first = {true};
      return now -> {
        if (first[0]) {
          first[0] = false;
          return offsetMicros;
        }
        return now + everyMicros;
      };
    }
  }

  /**
   * A Poisson process whose rate varies by hour of the week in a time zone: {@code perSecond} times
   * the multiplier of the hour (168 of them, Monday 00-01 first). Simulated time 0 is {@code
   * epoch}.
   */
  // Arrays copied in, read on hot paths; equality by identity is what callers want.
  @SuppressWarnings("ArrayRecordComponent")
  record Profiled(double perSecond, double[] hourOfWeekMultipliers, ZoneId timeZone, Instant epoch)
      implements ArrivalProcess {
    public static final int HOURS_PER_WEEK = 168;

    public Profiled {
      hourOfWeekMultipliers = hourOfWeekMultipliers.clone();
      if (hourOfWeekMultipliers.length != HOURS_PER_WEEK) {
        throw new IllegalArgumentException(
            "a weekly profile has 168 hourly multipliers, got " + hourOfWeekMultipliers.length);
      }
      double total = 0;
      for (double multiplier : hourOfWeekMultipliers) {
        if (!(multiplier >= 0) || Double.isInfinite(multiplier)) {
          throw new IllegalArgumentException(
              "profile multipliers must be finite and >= 0, got " + multiplier);
        }
        total += multiplier;
      }
      if (total == 0 || !(perSecond > 0)) {
        throw new IllegalArgumentException("a profiled arrival rate must be > 0 in some hour");
      }
    }

    @Override
    public Optional<String> whyJobsCannotRunOn(JobCompute compute) {
      return Optional.empty();
    }

    /** The mean multiplier times the rate: exact over whole weeks. */
    @Override
    public double expectedArrivals(long horizonMicros) {
      double mean = Arrays.stream(hourOfWeekMultipliers).sum() / HOURS_PER_WEEK;
      return perSecond * mean * SimTime.microsToSeconds(horizonMicros);
    }

    @Override
    public Arrivals arrivals(Simulation simulation, String streamName) {
      return new ProfiledArrivals(
          this, Distribution.exponential(1).sampler(simulation.stream(streamName)));
    }

    /**
     * Azure's working week: a day's arrivals all fall between 09:00 and 18:00, Monday to Friday, so
     * {@code perSecond} is the rate averaged over a working day; none at weekends.
     */
    public static double[] workdays() {
      double[] multipliers = new double[HOURS_PER_WEEK];
      for (int day = 0; day < 5; day++) {
        for (int hour = 9; hour < 18; hour++) {
          multipliers[day * 24 + hour] = 24.0 / 9;
        }
      }
      return multipliers;
    }

    @Override
    public double[] hourOfWeekMultipliers() {
      return hourOfWeekMultipliers.clone();
    }

    double multiplierAt(int hourOfWeek) {
      return hourOfWeekMultipliers[hourOfWeek];
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Profiled that
          && perSecond == that.perSecond
          && Arrays.equals(hourOfWeekMultipliers, that.hourOfWeekMultipliers)
          && timeZone.equals(that.timeZone)
          && epoch.equals(that.epoch);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(hourOfWeekMultipliers) * 31 + timeZone.hashCode();
    }

    @Override
    public String toString() {
      return "Profiled[" + perSecond + "/s in " + timeZone + "]";
    }
  }

  /**
   * One arrival at every firing of a cron expression (nightly pipelines); time 0 is {@code epoch}.
   */
  record Scheduled(io.capsim.engine.Cron cron, Instant epoch) implements ArrivalProcess {
    @Override
    public Optional<String> whyJobsCannotRunOn(JobCompute compute) {
      return Optional.empty();
    }

    /** The firings of the first week (or of the horizon, if shorter), scaled to the horizon. */
    @Override
    public double expectedArrivals(long horizonMicros) {
      long week = 7 * SimTime.MICROS_PER_DAY;
      long counted = Math.min(horizonMicros, week);
      Instant end = epoch.plus(counted, ChronoUnit.MICROS);
      long firings = 0;
      Optional<Instant> next = cron.nextAfter(epoch.minusNanos(1000));
      while (next.isPresent() && !next.get().isAfter(end)) {
        firings++;
        next = cron.nextAfter(next.get());
      }
      return firings * ((double) horizonMicros / counted);
    }

    @Override
    public Arrivals arrivals(Simulation simulation, String streamName) {
      return now ->
          cron.nextAfter(epoch.plus(now, ChronoUnit.MICROS))
              .map(next -> ChronoUnit.MICROS.between(epoch, next))
              .orElse(Arrivals.NONE);
    }
  }
}
