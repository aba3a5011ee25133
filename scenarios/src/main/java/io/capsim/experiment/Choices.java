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

  private Choices(List<List<Integer>> groups, int points) {
    this.groups = groups;
    this.groupOf = new int[points];
    for (int g = 0; g < groups.size(); g++) {
      for (int p : groups.get(g)) {
        groupOf[p] = g;
      }
    }
  }

  static Choices of(Scenario scenario) {
    Map<Map<String, String>, List<Integer>> byChoice = new LinkedHashMap<>();
    for (Scenario.Point point : scenario.points()) {
      byChoice.computeIfAbsent(choice(scenario, point), k -> new ArrayList<>()).add(point.index());
    }
    return new Choices(new ArrayList<>(byChoice.values()), scenario.points().size());
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
   * The point of {@code group} simulated under the same conditions as {@code like}, to stand for
   * the choice in timelines and comparisons; the group's first if it has none there.
   */
  int representative(Scenario scenario, int group, int like) {
    Map<String, String> conditions = conditions(scenario, like);
    for (int p : groups.get(group)) {
      if (underTheSameConditions(conditions(scenario, p), conditions)) {
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
  boolean coversAll(Scenario scenario, int group) {
    for (Scenario.Point point : scenario.points()) {
      Map<String, String> conditions = conditions(scenario, point.index());
      if (groups.get(group).stream()
          .noneMatch(p -> underTheSameConditions(conditions(scenario, p), conditions))) {
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

  /** The point's values of the condition keys. */
  static Map<String, String> conditions(Scenario scenario, int point) {
    Map<String, String> conditions = new LinkedHashMap<>();
    scenario
        .conditionKeys()
        .forEach(k -> conditions.put(k, scenario.points().get(point).values().get(k)));
    return conditions;
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
