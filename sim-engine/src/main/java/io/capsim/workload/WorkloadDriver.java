package io.capsim.workload;

import io.capsim.catalog.Catalog;
import io.capsim.catalog.CudaCheck;
import io.capsim.catalog.VmSize;
import io.capsim.compute.InvalidSettingException;
import io.capsim.compute.Job;
import io.capsim.compute.JobCompute;
import io.capsim.engine.Event;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Sampler;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Sends a workload's jobs to its compute: draws arrivals and durations from the workload's own
 * streams ({@code workload.<name>.arrivals}, {@code .durations}), which do not depend on the
 * compute, so every configuration compared sees the same jobs. Checks up front that the jobs can
 * run there at all.
 */
public final class WorkloadDriver {
  private final Simulation simulation;
  private final Workload workload;
  private final JobCompute compute;
  private final double durationFactor;
  private final Sampler durationSeconds;
  private final Event arrival = scheduler -> onArrival();
  private final Arrivals arrivals;
  private final Job.Kind jobKind;
  private final ArrayDeque<Job> spareJobs = new ArrayDeque<>();
  private long nextJobId;

  public WorkloadDriver(
      Simulation simulation, Workload workload, JobCompute compute, Catalog catalog) {
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
    this.arrivals = workload.arrivals().arrivals(simulation, streams + ".arrivals");
    this.jobKind =
        new Job.Kind(
            workload.name(),
            workload.checkpointIntervalMicros(),
            workload.onPreemption(),
            workload.interactive());
  }

  private static void check(Workload workload, JobCompute compute, VmSize size) {
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
                    workload.interactive() && !compute.runsInteractiveSessions()
                        ? Optional.of("interactive sessions run on compute instances only")
                        : Optional.empty())
            .or(() -> compute.whyCannotFit(workload.instanceCount()))
            .or(() -> workload.arrivals().whyJobsCannotRunOn(compute));
    problem.ifPresent(
        p -> {
          throw InvalidSettingException.workload(workload.name(), compute.name(), p);
        });
    workload
        .requires()
        .unmetBy(size)
        .ifPresent(
            p -> {
              throw InvalidSettingException.workload(
                  workload.name(), compute.name(), "requires", p);
            });
  }

  /** The factor from a duration on the reference size to one on the compute's size. */
  public double durationFactor() {
    return durationFactor;
  }

  /** The compute the workload's jobs go to. */
  public JobCompute compute() {
    return compute;
  }

  /** The jobs that arrive by {@code horizonMicros} on average. */
  public double expectedJobs(long horizonMicros) {
    return workload.arrivals().expectedArrivals(horizonMicros);
  }

  /**
   * The work that arrives by {@code horizonMicros} on average, its node-seconds on the compute's
   * own size: what a run will cost to simulate, and whether the compute can keep up.
   */
  public OfferedWork offeredWork(long horizonMicros) {
    ArrivalProcess process = workload.arrivals();
    return new OfferedWork(
        process.expectedArrivals(horizonMicros),
        process.expectedNodeSeconds(
                horizonMicros, workload.durationSeconds().mean(), workload.instanceCount())
            * durationFactor);
  }

  /** Schedules the first arrival. */
  public void start() {
    scheduleNext();
  }

  private void scheduleNext() {
    long next = arrivals.next(simulation.nowMicros());
    if (next != Arrivals.NONE) {
      simulation.scheduleAt(next, arrival);
    }
  }

  private void onArrival() {
    double seconds = arrivals.durationSeconds(durationSeconds);
    int instanceCount = arrivals.instanceCount(workload.instanceCount());
    scheduleNext();
    long workMicros = SimTime.secondsToMicros(seconds * durationFactor);
    compute.submit(Job.reuse(spareJobs, jobKind, nextJobId++, instanceCount, workMicros));
  }
}
