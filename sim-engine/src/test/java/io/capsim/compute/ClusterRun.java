package io.capsim.compute;

import io.capsim.catalog.Catalog;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.workload.Workload;
import io.capsim.workload.WorkloadDriver;
import java.util.ArrayList;
import java.util.List;

/** Builds and runs one cluster with its workloads, as the tests and benchmarks need. */
public final class ClusterRun {
  public static final String REGION = "eastus";

  private final Simulation simulation;
  private final ComputeCluster cluster;
  private final List<WorkloadDriver> drivers = new ArrayList<>();

  public ClusterRun(
      long seed, int replication, ClusterSpec spec, Quotas quotas, Workload... workloads) {
    simulation = new Simulation(seed, replication);
    Catalog catalog = Catalog.builtin();
    cluster = new ComputeCluster(simulation, spec, catalog, REGION, quotas);
    for (Workload workload : workloads) {
      drivers.add(new WorkloadDriver(simulation, workload, cluster, catalog));
    }
  }

  public ClusterRun(ClusterSpec spec, Workload... workloads) {
    this(1, 0, spec, Quotas.unlimited(), workloads);
  }

  public Simulation simulation() {
    return simulation;
  }

  public ComputeCluster cluster() {
    return cluster;
  }

  /** Runs until {@code endSeconds} (after a warm-up, if given) and checks the invariants. */
  public ComputeStats runSeconds(long warmupSeconds, long endSeconds) {
    if (warmupSeconds > 0) {
      simulation.warmupAt(warmupSeconds * SimTime.MICROS_PER_SECOND);
    }
    drivers.forEach(WorkloadDriver::start);
    long end = endSeconds * SimTime.MICROS_PER_SECOND;
    simulation.runUntil(end);
    cluster.verifyInvariants(end);
    return cluster.stats(end);
  }

  public ComputeStats runSeconds(long endSeconds) {
    return runSeconds(0, endSeconds);
  }
}
