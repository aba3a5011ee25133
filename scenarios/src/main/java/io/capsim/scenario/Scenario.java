package io.capsim.scenario;

import io.capsim.catalog.Catalog;
import io.capsim.compute.Pricing;
import io.capsim.workload.Workload;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A validated scenario: every sweep point's computes, the workloads they all share, and how to run
 * them. Built only by {@link ScenarioLoader}, which checks everything before anything runs.
 *
 * @param start the instant simulated time 0 stands for (schedules and profiles use it)
 * @param traceArrivals for each workload replaying a trace, its settings with the absolute path
 * @param baselinePoint the point savings are measured against: {@code baseline:}, or the first
 * @param source what it was loaded from, to ship to a runner that loads it again elsewhere
 */
public record Scenario(
    String file,
    String name,
    String region,
    Catalog catalog,
    Instant start,
    ZoneId timezone,
    long horizonMicros,
    long warmupMicros,
    long seed,
    int replications,
    Map<String, Integer> dedicatedQuotaVcpus,
    OptionalInt lowPriorityQuotaVcpus,
    List<String> sweepKeys,
    List<Point> points,
    List<Workload> workloads,
    Optional<Objective> objective,
    Map<String, Map<String, Object>> traceArrivals,
    int baselinePoint,
    List<String> notes,
    ScenarioSource source) {

  public Scenario {
    dedicatedQuotaVcpus =
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dedicatedQuotaVcpus));
    sweepKeys = List.copyOf(sweepKeys);
    points = List.copyOf(points);
    workloads = List.copyOf(workloads);
    traceArrivals = Map.copyOf(traceArrivals);
    notes = List.copyOf(notes);
  }

  /**
   * One combination of swept values.
   *
   * @param values the swept value of each key, as written in the scenario, in sweep order
   */
  public record Point(int index, Map<String, String> values, List<ComputeDef> computes) {
    public Point {
      values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
      computes = List.copyOf(computes);
    }
  }

  /** The span the costs of a run cover: the horizon less the warm-up. */
  public long costPeriodMicros() {
    return horizonMicros - warmupMicros;
  }

  /** {@link #costPeriodMicros()} in hours. */
  public double costPeriodHours() {
    return costPeriodMicros() / (double) io.capsim.engine.SimTime.MICROS_PER_HOUR;
  }

  /** What its nodes pay: the scenario's catalog in its region. */
  public Pricing pricing() {
    return new Pricing(catalog, region);
  }

  /** This scenario with other replications and seed, as the command line may override. */
  public Scenario with(int newReplications, long newSeed) {
    return new Scenario(
        file,
        name,
        region,
        catalog,
        start,
        timezone,
        horizonMicros,
        warmupMicros,
        newSeed,
        newReplications,
        dedicatedQuotaVcpus,
        lowPriorityQuotaVcpus,
        sweepKeys,
        points,
        workloads,
        objective,
        traceArrivals,
        baselinePoint,
        notes,
        source.with(newReplications, newSeed));
  }
}
