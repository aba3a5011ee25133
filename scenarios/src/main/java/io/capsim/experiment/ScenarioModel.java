package io.capsim.experiment;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.JobCompute;
import io.capsim.engine.Event;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.Wiring;
import io.capsim.workload.WorkloadDriver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run of a scenario: a pure function of (scenario, sweep point, replication). The workloads'
 * streams are named after the workloads, not the point, so every point sees the same jobs.
 */
public final class ScenarioModel {
  private final Simulation simulation;
  private final Map<String, JobCompute> computes;
  private final List<WorkloadDriver> drivers;
  private final Scenario scenario;
  private final Scenario.Point point;

  /**
   * Builds the run; throws {@link IllegalArgumentException} (or a catalog error) when a workload
   * cannot run on its compute, naming both.
   */
  public ScenarioModel(Scenario scenario, Scenario.Point point, int replication) {
    this.scenario = scenario;
    this.point = point;
    this.simulation = new Simulation(scenario.seed(), replication);
    Wiring wiring = Wiring.of(scenario, point, simulation);
    this.computes = wiring.computes();
    this.drivers = wiring.drivers();
  }

  private final List<java.util.function.LongConsumer> recordUnfinishedAt = new ArrayList<>();

  /**
   * Hands every job that completes or fails in this run to {@code sink}, as it does, and at the end
   * every job still queued or running, with that state and no finish.
   */
  public void recordJobs(Consumer<JobRecord> sink, int point, int replication) {
    computes.forEach(
        (name, compute) -> {
          io.capsim.compute.JobObserver recorder =
              (job, now, outcome) ->
                  sink.accept(
                      new JobRecord(
                          point,
                          replication,
                          name,
                          job.workload(),
                          job.id(),
                          job.instanceCount(),
                          job.submittedMicros() / 1e6,
                          job.started() ? job.firstStartMicros() / 1e6 : Double.NaN,
                          job.started()
                              ? (job.firstStartMicros() - job.submittedMicros()) / 1e6
                              : Double.NaN,
                          outcome.equals(JobCompute.QUEUED_AT_END)
                                  || outcome.equals(JobCompute.RUNNING_AT_END)
                              ? Double.NaN
                              : now / 1e6,
                          outcome));
          compute.observeJobs(recorder);
          recordUnfinishedAt.add(end -> compute.forEachUnfinishedJob(recorder, end));
        });
  }

  /** Runs to the horizon, re-checks every compute's invariants and returns their statistics. */
  public Map<String, ComputeStats> run() {
    return run(fraction -> {});
  }

  /** As {@link #run()}, telling {@code simulated} each share of the horizon as it passes. */
  public Map<String, ComputeStats> run(java.util.function.DoubleConsumer simulated) {
    if (scenario.warmupMicros() > 0) {
      simulation.warmupAt(scenario.warmupMicros());
    }
    drivers.forEach(WorkloadDriver::start);
    long end = scenario.horizonMicros();
    runWatchingQueues(end, simulated);
    recordUnfinishedAt.forEach(record -> record.accept(end));
    Map<String, ComputeStats> stats = new LinkedHashMap<>();
    computes.forEach(
        (name, compute) -> {
          compute.verifyInvariants(end);
          stats.put(name, compute.stats(end));
        });
    return stats;
  }

  /**
   * The most jobs a compute's queue may hold: a million waiting jobs means work arrives faster than
   * the compute can ever run it, and the run would otherwise go on until the heap is full.
   */
  static final int MAX_QUEUED_JOBS = 1_000_000;

  /**
   * Runs to {@code end} in slices, each short enough that about {@link #MAX_QUEUED_JOBS} / 10 jobs
   * arrive in it, checking every compute's queue between them; slicing fires the same events in the
   * same order, so the numbers are those of one run to the end.
   */
  private void runWatchingQueues(long end, java.util.function.DoubleConsumer simulated) {
    double jobs = 0;
    for (WorkloadDriver driver : drivers) {
      jobs += driver.expectedJobs(end);
    }
    long slices = (long) Math.min(1_000, Math.max(1, Math.ceil(jobs / (MAX_QUEUED_JOBS / 10.0))));
    long sliceMicros = Math.max(1, end / slices);
    long from = 0;
    for (long until = Math.min(end, sliceMicros); ; until = Math.min(end, until + sliceMicros)) {
      simulation.runUntil(until);
      checkQueues(end);
      simulated.accept(end == 0 ? 1 : (until - from) / (double) end);
      from = until;
      if (until == end) {
        return;
      }
    }
  }

  private void checkQueues(long end) {
    Map<String, io.capsim.workload.OfferedWork> offered = null;
    for (Map.Entry<String, JobCompute> e : computes.entrySet()) {
      int queued = e.getValue().queuedJobsNow();
      if (queued > MAX_QUEUED_JOBS) {
        if (offered == null) {
          offered = WorkEstimate.offered(drivers, end);
        }
        throw new UnstableQueueException(
            e.getKey(),
            queued,
            simulation.nowMicros(),
            offered.getOrDefault(e.getKey(), io.capsim.workload.OfferedWork.NONE),
            end,
            e.getValue().capacityNodes(),
            point.describe());
      }
    }
  }

  /**
   * Runs as {@link #run()} does, with the same numbers (sampling draws nothing and changes
   * nothing), and captures every compute's nodes and queue every {@code everyMicros} in [{@code
   * fromMicros}, {@code toMicros}], and its wait quantiles at the end.
   */
  public Capture runCapturing(long fromMicros, long toMicros, long everyMicros) {
    List<Capture.Sample> samples = new ArrayList<>();
    Event[] sampler = new Event[1];
    sampler[0] =
        scheduler -> {
          double hours = scheduler.nowMicros() / (double) SimTime.MICROS_PER_HOUR;
          computes.forEach(
              (name, compute) ->
                  samples.add(
                      new Capture.Sample(
                          name, hours, compute.nodesNow(), compute.queuedJobsNow())));
          if (scheduler.nowMicros() + everyMicros <= toMicros) {
            scheduler.schedule(everyMicros, sampler[0]);
          }
        };
    simulation.scheduleAt(fromMicros, sampler[0]);
    run();
    List<Capture.WaitQuantile> waits = new ArrayList<>();
    computes.forEach(
        (name, compute) -> {
          for (int percent = 0; percent <= 100; percent++) {
            waits.add(
                new Capture.WaitQuantile(
                    name, percent / 100.0, compute.waits().quantileMicros(percent / 100.0) / 1e6));
          }
        });
    return new Capture(samples, waits);
  }

  public static Map<String, ComputeStats> run(
      Scenario scenario, Scenario.Point point, int replication) {
    return new ScenarioModel(scenario, point, replication).run();
  }
}
