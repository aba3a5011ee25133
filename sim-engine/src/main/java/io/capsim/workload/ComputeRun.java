package io.capsim.workload;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.JobCompute;
import io.capsim.compute.Pricing;
import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.cluster.ComputeCluster;
import io.capsim.compute.pool.Quotas;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Builds and runs one compute with its workloads in eastus, as the tests and benchmarks need. */
public final class ComputeRun {
  public static final String REGION = "eastus";

  private final Simulation simulation;
  private final JobCompute compute;
  private final List<WorkloadDriver> drivers = new ArrayList<>();

  public ComputeRun(
      long seed,
      int replication,
      BiFunction<Simulation, Pricing, JobCompute> computeFactory,
      Workload... workloads) {
    simulation = new Simulation(seed, replication);
    Pricing pricing = Pricing.builtin(REGION);
    compute = computeFactory.apply(simulation, pricing);
    for (Workload workload : workloads) {
      drivers.add(new WorkloadDriver(simulation, workload, compute, pricing.catalog()));
    }
  }

  /** A cluster under the given quotas. */
  public ComputeRun(
      long seed, int replication, ClusterSpec spec, Quotas quotas, Workload... workloads) {
    this(
        seed,
        replication,
        (simulation, pricing) -> new ComputeCluster(simulation, spec, pricing, quotas),
        workloads);
  }

  public ComputeRun(ClusterSpec spec, Workload... workloads) {
    this(1, 0, spec, Quotas.unlimited(), workloads);
  }

  public Simulation simulation() {
    return simulation;
  }

  public JobCompute compute() {
    return compute;
  }

  /** Runs until {@code endSeconds} (after a warm-up, if given) and checks the invariants. */
  public ComputeStats runSeconds(long warmupSeconds, long endSeconds) {
    if (warmupSeconds > 0) {
      simulation.warmupAt(warmupSeconds * SimTime.MICROS_PER_SECOND);
    }
    drivers.forEach(WorkloadDriver::start);
    long end = endSeconds * SimTime.MICROS_PER_SECOND;
    simulation.runUntil(end);
    compute.verifyInvariants(end);
    return compute.stats(end);
  }

  public ComputeStats runSeconds(long endSeconds) {
    return runSeconds(0, endSeconds);
  }
}
