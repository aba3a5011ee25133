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

  /**
   * Builds the run; throws {@link IllegalArgumentException} (or a catalog error) when a workload
   * cannot run on its compute, naming both.
   */
  public ScenarioModel(Scenario scenario, Scenario.Point point, int replication) {
    this.scenario = scenario;
    this.simulation = new Simulation(scenario.seed(), replication);
    Wiring wiring = Wiring.of(scenario, point, simulation);
    this.computes = wiring.computes();
    this.drivers = wiring.drivers();
  }

  /** Hands every job that completes or fails in this run to {@code sink}, as it does. */
  public void recordJobs(Consumer<JobRecord> sink, int point, int replication) {
    computes.forEach(
        (name, compute) ->
            compute.observeJobs(
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
                            now / 1e6,
                            outcome))));
  }

  /** Runs to the horizon, re-checks every compute's invariants and returns their statistics. */
  public Map<String, ComputeStats> run() {
    if (scenario.warmupMicros() > 0) {
      simulation.warmupAt(scenario.warmupMicros());
    }
    drivers.forEach(WorkloadDriver::start);
    long end = scenario.horizonMicros();
    simulation.runUntil(end);
    Map<String, ComputeStats> stats = new LinkedHashMap<>();
    computes.forEach(
        (name, compute) -> {
          compute.verifyInvariants(end);
          stats.put(name, compute.stats(end));
        });
    return stats;
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
