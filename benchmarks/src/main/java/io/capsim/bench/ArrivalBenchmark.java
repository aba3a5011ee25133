package io.capsim.bench;

import io.capsim.engine.Simulation;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.Arrivals;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one arrival costs to draw: a plain Poisson process against the same mean rate under Azure's
 * working week ({@code workdays}) and under a 7x24 table of multipliers, in America/New_York (so
 * the profiles cross daylight saving). At 800 arrivals an hour (the cluster benchmark's rate) and
 * at 40 a day (the quickstart's), where most hours pass with no arrival and their stepping
 * dominates. Arrivals per second.
 *
 * <p>{@link #interleaved} draws from a profile and from a Poisson process of the same mean rate in
 * alternating turns of the same invocation, so the shared machine's load drifts alike for both;
 * {@link PerformanceReport} reads the profile's cost from its two counters. Each side draws through
 * its own call site, so neither is compiled for the other's class.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ArrivalBenchmark.ARRIVALS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ArrivalBenchmark {
  static final int ARRIVALS = 10_000;
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Instant MONDAY = Instant.parse("2026-01-05T05:00:00Z");

  @Param({"poisson", "workdays", "weekly-table"})
  public String profile;

  @Param({"800", "1.6667"})
  public double perHour;

  private Arrivals arrivals = now -> now;
  private long nowMicros;
  private Arrivals poisson = now -> now;
  private long poissonNowMicros;
  private int turn;

  @Setup
  public void setUp() {
    arrivals = process(profile, perHour).arrivals(new Simulation(42, 0), "arrivals");
    nowMicros = 0;
    poisson = process("poisson", perHour).arrivals(new Simulation(42, 0), "arrivals");
    poissonNowMicros = 0;
  }

  static ArrivalProcess process(String profile, double perHour) {
    double perSecond = perHour / 3600;
    return switch (profile) {
      case "poisson" -> new ArrivalProcess.Poisson(perSecond);
      case "workdays" ->
          new ArrivalProcess.Profiled(
              perSecond, ArrivalProcess.Profiled.workdays(), NEW_YORK, MONDAY);
      default -> new ArrivalProcess.Profiled(perSecond, weeklyTable(), NEW_YORK, MONDAY);
    };
  }

  /** Busy weekday afternoons, quieter mornings and evenings, a trickle at night and at weekends. */
  private static double[] weeklyTable() {
    double[] multipliers = new double[ArrivalProcess.Profiled.HOURS_PER_WEEK];
    for (int hour = 0; hour < multipliers.length; hour++) {
      int day = hour / 24;
      int hourOfDay = hour % 24;
      boolean weekday = day < 5;
      multipliers[hour] =
          hourOfDay >= 13 && hourOfDay < 18 && weekday
              ? 3
              : hourOfDay >= 8 && hourOfDay < 21 && weekday ? 1.5 : 0.2;
    }
    return multipliers;
  }

  @Benchmark
  public long next() {
    return nextProfiled();
  }

  /**
   * {@link #next}'s loop, compiled on its own: JMH inlines a benchmark method into its caller, and
   * inlined into {@link #interleaved} next to the other side's loop the draws were compiled
   * differently from fork to fork (1.11x against 1.16x, 1.18x against 1.30x, same code).
   */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  private long nextProfiled() {
    long now = nowMicros;
    for (int i = 0; i < ARRIVALS; i++) {
      now = arrivals.next(now);
    }
    nowMicros = now;
    return now;
  }

  /** {@link #next} on this profile and on the Poisson process, in alternating order. */
  @Benchmark
  @OperationsPerInvocation(2 * ARRIVALS)
  public long interleaved(SideBySide times) {
    long start = System.nanoTime();
    long end;
    if (turn++ % 2 == 0) {
      long profiled = nextProfiled();
      long middle = System.nanoTime();
      times.profiledNanos += middle - start;
      long plain = nextPoisson();
      end = System.nanoTime();
      times.poissonNanos += end - middle;
      return profiled ^ plain;
    }
    long plain = nextPoisson();
    long middle = System.nanoTime();
    times.poissonNanos += middle - start;
    long profiled = nextProfiled();
    end = System.nanoTime();
    times.profiledNanos += end - middle;
    return profiled ^ plain;
  }

  /** {@link #nextProfiled}'s loop at a call site of its own, also compiled on its own. */
  @CompilerControl(CompilerControl.Mode.DONT_INLINE)
  private long nextPoisson() {
    long now = poissonNowMicros;
    for (int i = 0; i < ARRIVALS; i++) {
      now = poisson.next(now);
    }
    poissonNowMicros = now;
    return now;
  }

  /** Nanoseconds each side took over an iteration of {@link #interleaved}. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class SideBySide {
    public long profiledNanos;
    public long poissonNanos;

    @Setup(Level.Iteration)
    public void clear() {
      profiledNanos = 0;
      poissonNanos = 0;
    }
  }
}
