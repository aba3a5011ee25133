package io.capsim.experiment;

import io.capsim.compute.Compute;
import io.capsim.compute.ComputeStats;
import io.capsim.compute.Quotas;
import io.capsim.engine.Simulation;
import io.capsim.scenario.ComputeDef;
import io.capsim.scenario.Scenario;
import io.capsim.workload.Workload;
import io.capsim.workload.WorkloadDriver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a scenario: a pure function of (scenario, sweep point, replication). The workloads'
 * streams are named after the workloads, not the point, so every point sees the same jobs.
 */
public final class ScenarioModel {
  private final Simulation simulation;
  private final Map<String, Compute> computes = new LinkedHashMap<>();
  private final List<WorkloadDriver> drivers = new ArrayList<>();
  private final Scenario scenario;

  /**
   * Builds the run; throws {@link IllegalArgumentException} (or a catalog error) when a workload
   * cannot run on its compute, naming both.
   */
  public ScenarioModel(Scenario scenario, Scenario.Point point, int replication) {
    this.scenario = scenario;
    this.simulation = new Simulation(scenario.seed(), replication);
    Quotas quotas = new Quotas(scenario.dedicatedQuotaVcpus(), scenario.lowPriorityQuotaVcpus());
    for (ComputeDef def : point.computes()) {
      computes.put(
          def.name(),
          def.build(simulation, scenario.catalog(), scenario.region(), quotas, scenario.start()));
    }
    for (Workload workload : scenario.workloads()) {
      drivers.add(
          new WorkloadDriver(
              simulation, workload, computes.get(workload.compute()), scenario.catalog()));
    }
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

  public static Map<String, ComputeStats> run(
      Scenario scenario, Scenario.Point point, int replication) {
    return new ScenarioModel(scenario, point, replication).run();
  }
}
