package io.capsim.experiment;

import io.capsim.compute.JobCompute;
import io.capsim.engine.Simulation;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.Wiring;
import io.capsim.workload.OfferedWork;
import io.capsim.workload.WorkloadDriver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run will ask of the machine, worked out from the scenario before anything is simulated:
 * the jobs of every point and replication, and the computes offered more work than they can ever
 * run at once, whose queues grow all run long.
 */
public final class WorkEstimate {
  /** The jobs a run may simulate unless the user allows more: minutes to an hour on a laptop. */
  public static final long DEFAULT_MAX_JOBS = 1_000_000_000L;

  private final Scenario scenario;
  private final double jobsPerReplication;
  private final List<Overload> overloads;

  /**
   * A compute at a point offered more nodes' worth of work than it can hold.
   *
   * @param busyNodes the nodes the offered work would keep busy, on average
   * @param jobsPerHour the jobs arriving, on average
   */
  public record Overload(
      int point, String compute, double busyNodes, int capacityNodes, double jobsPerHour) {
    /** {@code cpu at point 3 is offered 12.5 nodes of work (40.0 jobs/h) but holds at most 4}. */
    public String describe() {
      return String.format(
          Locale.ROOT,
          "%s at point %d is offered %.1f nodes' worth of work (%.1f jobs/h) but can run %d at"
              + " once",
          compute,
          point,
          busyNodes,
          jobsPerHour,
          capacityNodes);
    }
  }

  private WorkEstimate(Scenario scenario, double jobsPerReplication, List<Overload> overloads) {
    this.scenario = scenario;
    this.jobsPerReplication = jobsPerReplication;
    this.overloads = List.copyOf(overloads);
  }

  /** Builds every point's model once, as validation does, and adds up what arrives. */
  public static WorkEstimate of(Scenario scenario) {
    long horizon = scenario.horizonMicros();
    double jobs = 0;
    List<Overload> overloads = new ArrayList<>();
    for (int p = 0; p < scenario.points().size(); p++) {
      Wiring wiring =
          Wiring.of(scenario, scenario.points().get(p), new Simulation(scenario.seed(), 0));
      Map<String, OfferedWork> byCompute = offered(wiring.drivers(), horizon);
      for (Map.Entry<String, OfferedWork> e : byCompute.entrySet()) {
        jobs += e.getValue().jobs();
        JobCompute compute = wiring.computes().get(e.getKey());
        int capacity = compute == null ? Integer.MAX_VALUE : compute.capacityNodes();
        double busy = e.getValue().busyNodes(horizon);
        if (busy >= capacity) {
          overloads.add(
              new Overload(p, e.getKey(), busy, capacity, e.getValue().jobsPerHour(horizon)));
        }
      }
    }
    return new WorkEstimate(scenario, jobs / scenario.points().size(), overloads);
  }

  /** Each compute's offered work in one run, by name. */
  static Map<String, OfferedWork> offered(List<WorkloadDriver> drivers, long horizonMicros) {
    Map<String, OfferedWork> byCompute = new LinkedHashMap<>();
    for (WorkloadDriver driver : drivers) {
      byCompute.merge(
          driver.compute().name(), driver.offeredWork(horizonMicros), OfferedWork::plus);
    }
    return byCompute;
  }

  /** Jobs in one replication, averaged over the points. */
  public double jobsPerReplication() {
    return jobsPerReplication;
  }

  /** Jobs in the whole run: every point and replication. */
  public double jobs() {
    return jobsPerReplication * scenario.points().size() * scenario.replications();
  }

  /** The computes, by point, whose queues can only grow. */
  public List<Overload> overloads() {
    return overloads;
  }

  /**
   * Why the run is too big for {@code maxJobs}, with the estimate and the flag that allows it;
   * empty if it fits.
   */
  public java.util.Optional<String> whyTooBig(long maxJobs) {
    double jobs = jobs();
    boolean countable = Double.isFinite(jobs) && jobs < Long.MAX_VALUE;
    if (countable && Math.round(jobs) <= maxJobs) { // an estimate: its last bits are rounding
      return java.util.Optional.empty();
    }
    String estimate =
        String.format(
            Locale.ROOT,
            "this run would simulate about %s jobs (%,d points x %,d replications x %s each),"
                + " more than --max-jobs %,d allows; shorten the horizon, lower the rate",
            count(jobs),
            scenario.points().size(),
            scenario.replications(),
            count(jobsPerReplication),
            maxJobs);
    return java.util.Optional.of(
        countable
            ? estimate
                + " or the replications, or give --max-jobs "
                + Math.round(jobs)
                + " to run it anyway"
            : estimate + " or the profile's multipliers: no budget allows so many");
  }

  /** {@code 1.2e+12} beyond a billion, else the whole count with separators. */
  private static String count(double jobs) {
    if (!Double.isFinite(jobs)) {
      return "infinitely many";
    }
    return jobs >= 1e9
        ? String.format(Locale.ROOT, "%.2g", jobs)
        : String.format(Locale.ROOT, "%,d", Math.round(jobs));
  }
}
