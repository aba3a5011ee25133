package io.capsim.scenario;

import io.capsim.compute.JobCompute;
import io.capsim.compute.Pricing;
import io.capsim.compute.pool.Quotas;
import io.capsim.engine.Simulation;
import io.capsim.workload.Workload;
import io.capsim.workload.WorkloadDriver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One sweep point's computes and workload drivers, built into a simulation: the one wiring that a
 * run uses and that the loader builds once per point to report, before anything runs, jobs that
 * could never run.
 *
 * @param computes by name, in scenario order
 * @param drivers one per workload, in scenario order
 */
public record Wiring(Map<String, JobCompute> computes, List<WorkloadDriver> drivers) {
  public Wiring {
    computes = Collections.unmodifiableMap(new LinkedHashMap<>(computes));
    drivers = List.copyOf(drivers);
  }

  /**
   * Builds {@code point} of {@code scenario} into {@code simulation}: its computes under the shared
   * quotas, priced by the scenario, and a driver per workload.
   *
   * @throws io.capsim.compute.InvalidSettingException when a setting or a workload cannot run
   */
  public static Wiring of(Scenario scenario, Scenario.Point point, Simulation simulation) {
    Quotas quotas = new Quotas(scenario.dedicatedQuotaVcpus(), scenario.lowPriorityQuotaVcpus());
    Pricing pricing = scenario.pricing();
    Map<String, JobCompute> computes = new LinkedHashMap<>();
    for (ComputeDef def : point.computes()) {
      computes.put(def.name(), def.build(simulation, pricing, quotas, scenario.start()));
    }
    List<WorkloadDriver> drivers = new ArrayList<>();
    for (Workload workload : point.workloads()) {
      drivers.add(
          new WorkloadDriver(
              simulation,
              workload,
              Objects.requireNonNull(computes.get(workload.compute()), workload.compute()),
              scenario.catalog()));
    }
    return new Wiring(computes, drivers);
  }
}
