package io.capsim.experiment;

import io.capsim.compute.Metric;
import io.capsim.engine.stat.Tally;
import io.capsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep points grouped by what the user chooses: points that differ only in conditions (a
 * preemption rate, an arrival rate) are one choice, judged over all of them. Without condition keys
 * each point is a choice of its own.
 */
final class Choices {
  private final List<List<Integer>> groups;
  private final int[] groupOf;
  // Each point's values of the condition keys, and the distinct ones without n/a, in point order:
  // built once, as every question below asks them of every point.
  private final List<Map<String, String>> conditionsOf;
  private final List<Map<String, String>> conditionSets;

  private Choices(
      List<List<Integer>> groups,
      List<Map<String, String>> conditionsOf,
      List<Map<String, String>> conditionSets) {
    this.groups = groups;
    this.conditionsOf = conditionsOf;
    this.conditionSets = conditionSets;
    this.groupOf = new int[conditionsOf.size()];
    for (int g = 0; g < groups.size(); g++) {
      for (int p : groups.get(g)) {
        groupOf[p] = g;
      }
    }
  }

  static Choices of(Scenario scenario) {
    Map<Map<String, String>, List<Integer>> byChoice = new LinkedHashMap<>();
    List<Map<String, String>> conditionsOf = new ArrayList<>();
    java.util.Set<Map<String, String>> conditionSets = new java.util.LinkedHashSet<>();
    for (Scenario.Point point : scenario.points()) {
      byChoice.computeIfAbsent(choice(scenario, point), k -> new ArrayList<>()).add(point.index());
      Map<String, String> conditions = new LinkedHashMap<>();
      scenario.conditionKeys().forEach(k -> conditions.put(k, point.values().get(k)));
      conditionsOf.add(conditions);
      if (!conditions.containsValue(Scenario.Point.NOT_APPLICABLE)) {
        conditionSets.add(conditions);
      }
    }
    return new Choices(
        new ArrayList<>(byChoice.values()), conditionsOf, new ArrayList<>(conditionSets));
  }

  /** A point's swept values less the conditions: what the user would set. */
  static Map<String, String> choice(Scenario scenario, Scenario.Point point) {
    Map<String, String> choice = new LinkedHashMap<>(point.values());
    scenario.conditionKeys().forEach(choice::remove);
    return choice;
  }

  int count() {
    return groups.size();
  }

  List<Integer> points(int group) {
    return groups.get(group);
  }

  int groupOf(int point) {
    return groupOf[point];
  }

  /**
   * The distinct conditions some point was simulated under, in point order, leaving out those with
   * an {@code n/a} value (a point that leaves out a compute holds under all its conditions); empty
   * without condition keys only if every point leaves out their computes.
   */
  List<Map<String, String>> conditionSets() {
    return conditionSets;
  }

  /** The points simulated under {@code conditions} (or holding under all, with {@code n/a}). */
  List<Integer> pointsUnder(Map<String, String> conditions) {
    List<Integer> points = new ArrayList<>();
    for (int p = 0; p < conditionsOf.size(); p++) {
      if (underTheSameConditions(conditionsOf.get(p), conditions)) {
        points.add(p);
      }
    }
    return points;
  }

  /**
   * The point of {@code group} simulated under the same conditions as {@code like}, to stand for
   * the choice in timelines and comparisons; the group's first if it has none there.
   */
  int representative(int group, int like) {
    for (int p : groups.get(group)) {
      if (underTheSameConditions(conditionsOf.get(p), conditionsOf.get(like))) {
        return p;
      }
    }
    // Only when points were left out (sizes short of a workload's requires): see coversAll.
    return groups.get(group).get(0);
  }

  /**
   * Whether the choice has a point under every condition some point was simulated under; not when
   * points were left out of the sweep (a size short of what jobs require under one condition), and
   * a choice untried under a condition cannot be said to hold under it.
   */
  boolean coversAll(int group) {
    for (Map<String, String> conditions : conditionSets) {
      if (groups.get(group).stream()
          .noneMatch(p -> underTheSameConditions(conditionsOf.get(p), conditions))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether two points' conditions agree: each key equal, or {@code n/a} in either (a point that
   * leaves out a compute does not depend on that compute's conditions, so it holds under all).
   */
  static boolean underTheSameConditions(Map<String, String> a, Map<String, String> b) {
    for (Map.Entry<String, String> e : a.entrySet()) {
      String other = b.get(e.getKey());
      if (!e.getValue().equals(other)
          && !e.getValue().equals(Scenario.Point.NOT_APPLICABLE)
          && !Scenario.Point.NOT_APPLICABLE.equals(other)) {
        return false;
      }
    }
    return true;
  }

  /** The metric's total over computes, averaged over the group's conditions, per replication. */
  Tally tally(MetricTable table, int group, Metric metric) {
    Tally tally = new Tally();
    for (int r = 0; r < table.replications(); r++) {
      tally.record(mean(table, group, r, metric));
    }
    return tally;
  }

  /** The paired difference {@code a - b} of the group averages, replication by replication. */
  Tally pairedDifference(MetricTable table, int a, int b, Metric metric) {
    Tally tally = new Tally();
    for (int r = 0; r < table.replications(); r++) {
      tally.record(mean(table, a, r, metric) - mean(table, b, r, metric));
    }
    return tally;
  }

  private double mean(MetricTable table, int group, int replication, Metric metric) {
    double sum = 0;
    for (int p : groups.get(group)) {
      sum += table.total(p, replication, metric);
    }
    return sum / groups.get(group).size();
  }
}
