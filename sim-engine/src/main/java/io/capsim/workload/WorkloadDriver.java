package io.capsim.workload;

import io.capsim.catalog.Catalog;
import io.capsim.catalog.CudaCheck;
import io.capsim.catalog.VmSize;
import io.capsim.compute.Compute;
import io.capsim.compute.ComputeInstance;
import io.capsim.compute.InvalidSettingException;
import io.capsim.compute.Job;
import io.capsim.engine.Event;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Distribution;
import io.capsim.engine.random.Sampler;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Sends a workload's jobs to its compute: draws arrivals and durations from the workload's own
 * streams ({@code workload.<name>.arrivals}, {@code .durations}), which do not depend on the
 * compute, so every configuration compared sees the same jobs. Checks up front that the jobs can
 * run there at all.
 */
public final class WorkloadDriver {
  private final Simulation simulation;
  private final Workload workload;
  private final Compute compute;
  private final double durationFactor;
  private final Sampler durationSeconds;
  private final Event arrival = scheduler -> onArrival();
  private Sampler interarrivalSeconds = () -> 0;
  private long[] arrivalTimes = new long[0];
  private @Nullable ProfiledArrivals profiled;
  private int nextArrival;
  private long nextJobId;

  public WorkloadDriver(
      Simulation simulation, Workload workload, Compute compute, Catalog catalog) {
    this.simulation = simulation;
    this.workload = workload;
    this.compute = compute;
    VmSize size = compute.size();
    check(workload, compute, size);
    this.durationFactor =
        workload.speedup().durationFactor(catalog.size(workload.referenceSize()), size);
    String streams = "workload." + workload.name();
    this.durationSeconds =
        workload.durationSeconds().sampler(simulation.stream(streams + ".durations"));
    if (workload.arrivals() instanceof ArrivalProcess.Poisson poisson) {
      interarrivalSeconds =
          Distribution.exponential(1 / poisson.perSecond())
              .sampler(simulation.stream(streams + ".arrivals"));
    } else if (workload.arrivals() instanceof ArrivalProcess.At at) {
      arrivalTimes = at.micros();
    } else if (workload.arrivals() instanceof ArrivalProcess.Profiled process) {
      profiled =
          new ProfiledArrivals(
              process,
              Distribution.exponential(1).sampler(simulation.stream(streams + ".arrivals")));
    }
  }

  private static void check(Workload workload, Compute compute, VmSize size) {
    Optional<String> problem =
        workload
            .cuda()
            .flatMap(cuda -> CudaCheck.problem(size, cuda))
            .or(
                () ->
                    workload.speedup() == Speedup.GPU && !size.hasGpus()
                        ? Optional.of(size.name() + " has no GPUs, so it cannot run a GPU workload")
                        : Optional.empty())
            .or(
                () ->
                    workload.interactive() && !(compute instanceof ComputeInstance)
                        ? Optional.of("interactive sessions run on compute instances only")
                        : Optional.empty())
            .or(() -> compute.whyCannotFit(workload.instanceCount()))
            .or(
                () ->
                    workload.arrivals() instanceof ArrivalProcess.Trace trace
                        ? compute
                            .whyCannotFit(trace.maxInstanceCount())
                            .map(
                                why ->
                                    trace.jobsWiderThan(
                                            widestThatFits(compute, trace.maxInstanceCount()))
                                        + " of the trace's "
                                        + trace.jobs()
                                        + " jobs cannot run: the widest "
                                        + why)
                        : Optional.empty());
    problem.ifPresent(
        p -> {
          throw InvalidSettingException.workload(workload.name(), compute.name(), p);
        });
  }

  private static int widestThatFits(Compute compute, int widest) {
    int nodes = widest;
    while (nodes > 0 && compute.whyCannotFit(nodes).isPresent()) {
      nodes--;
    }
    return nodes;
  }

  /** The factor from a duration on the reference size to one on the compute's size. */
  public double durationFactor() {
    return durationFactor;
  }

  /** Schedules the first arrival. */
  public void start() {
    scheduleNext();
  }

  private void scheduleNext() {
    ArrivalProcess process = workload.arrivals();
    if (process instanceof ArrivalProcess.Poisson) {
      simulation.schedule(SimTime.secondsToMicros(interarrivalSeconds.sample()), arrival);
    } else if (process instanceof ArrivalProcess.Profiled) {
      simulation.scheduleAt(
          Objects.requireNonNull(profiled).nextAfter(simulation.nowMicros()), arrival);
    } else if (process instanceof ArrivalProcess.Periodic periodic) {
      long first = periodic.offsetMicros();
      long now = simulation.nowMicros();
      simulation.scheduleAt(nextArrival++ == 0 ? first : now + periodic.everyMicros(), arrival);
    } else if (process instanceof ArrivalProcess.Scheduled scheduled) {
      java.time.Instant now =
          scheduled.epoch().plus(simulation.nowMicros(), java.time.temporal.ChronoUnit.MICROS);
      scheduled
          .cron()
          .nextAfter(now)
          .ifPresent(
              next ->
                  simulation.scheduleAt(
                      java.time.temporal.ChronoUnit.MICROS.between(scheduled.epoch(), next),
                      arrival));
    } else if (process instanceof ArrivalProcess.Trace trace) {
      if (nextArrival < trace.jobs()) {
        simulation.scheduleAt(trace.submitMicros(nextArrival), arrival);
      }
    } else if (nextArrival < arrivalTimes.length) {
      simulation.scheduleAt(arrivalTimes[nextArrival++], arrival);
    }
  }

  private void onArrival() {
    double seconds;
    int instanceCount;
    if (workload.arrivals() instanceof ArrivalProcess.Trace trace) {
      seconds = trace.durationSeconds(nextArrival);
      instanceCount = trace.instanceCount(nextArrival);
      nextArrival++;
    } else {
      seconds = durationSeconds.sample();
      instanceCount = workload.instanceCount();
    }
    scheduleNext();
    long workMicros = SimTime.secondsToMicros(seconds * durationFactor);
    compute.submit(
        new Job(
            nextJobId++,
            workload.name(),
            instanceCount,
            workMicros,
            workload.checkpointIntervalMicros(),
            workload.onPreemption(),
            workload.interactive()));
  }
}
