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
 * A validated scenario: its computes and workloads as written, every sweep point's, and how to run
 * them. Built only by {@link ScenarioLoader}, which checks everything before anything runs.
 *
 * @param conditionKeys the swept keys that are conditions rather than choices (Azure's behaviour,
 *     such as a preemption rate, or the demand, such as an arrival rate): the recommendation must
 *     hold over all their values
 * @param computes every compute as written, before any sweep
 * @param workloads every workload as written, before any sweep
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
    List<String> conditionKeys,
    List<Point> points,
    List<ComputeDef> computes,
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
    conditionKeys = List.copyOf(conditionKeys);
    points = List.copyOf(points);
    computes = List.copyOf(computes);
    workloads = List.copyOf(workloads);
    traceArrivals = Map.copyOf(traceArrivals);
    notes = List.copyOf(notes);
  }

  /**
   * One combination of swept values.
   *
   * @param values the swept value of each key, as written in the scenario, in sweep order; {@link
   *     #NOT_APPLICABLE} for a key of a compute the point leaves out
   * @param computes the computes the point simulates: all of them but the alternatives its
   *     workloads do not choose (when the compute of a workload is swept)
   * @param workloads every workload, with the point's values in place
   */
  public record Point(
      int index, Map<String, String> values, List<ComputeDef> computes, List<Workload> workloads) {
    /** The value of a key of a compute that the point leaves out. */
    public static final String NOT_APPLICABLE = "n/a";

    public Point {
      values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
      computes = List.copyOf(computes);
      workloads = List.copyOf(workloads);
    }

    /**
     * The swept values for people: {@code key = value, ...}, leaving out the keys of computes the
     * point does not use; {@code (no sweep)} without a sweep.
     */
    public String describe() {
      return describe(values);
    }

    /** Swept {@code values} for people, as {@link #describe()} writes a point's. */
    public static String describe(Map<String, String> values) {
      String text =
          values.entrySet().stream()
              .filter(e -> !e.getValue().equals(NOT_APPLICABLE))
              .map(e -> e.getKey() + " = " + e.getValue())
              .collect(java.util.stream.Collectors.joining(", "));
      return text.isEmpty() ? "(no sweep)" : text;
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
        conditionKeys,
        points,
        computes,
        workloads,
        objective,
        traceArrivals,
        baselinePoint,
        notes,
        source.with(newReplications, newSeed));
  }
}
