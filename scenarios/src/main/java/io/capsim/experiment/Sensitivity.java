package io.capsim.experiment;

import io.capsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the answer depends on the conditions swept (a preemption rate, an arrival rate): under each,
 * what the recommended choice costs and whether it meets the constraints, and which point would
 * have been cheapest had that condition been known. Empty when the sweep has no condition keys, or
 * no point uses the computes they belong to.
 *
 * @param rows one per combination of condition values, in sweep order
 */
public record Sensitivity(List<Row> rows) {
  public Sensitivity {
    rows = List.copyOf(rows);
  }

  /**
   * The answer under one combination of conditions.
   *
   * @param conditions the condition keys' values
   * @param recommended the recommended choice's point under these conditions
   * @param recommendedMeets whether that point meets the constraints
   * @param cheapest the cheapest point under these conditions that meets them, if any
   */
  public record Row(
      Map<String, String> conditions,
      int recommended,
      boolean recommendedMeets,
      OptionalInt cheapest) {
    public Row {
      conditions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    }
  }

  public static Optional<Sensitivity> of(
      Scenario scenario, MetricTable table, Recommendation recommendation) {
    if (scenario.conditionKeys().isEmpty()) {
      return Optional.empty();
    }
    Choices choices = Choices.of(scenario);
    int winner = choices.groupOf(recommendation.winner());
    java.util.Set<Map<String, String>> conditionSets = new java.util.LinkedHashSet<>();
    for (Scenario.Point point : scenario.points()) {
      Map<String, String> conditions = Choices.conditions(scenario, point.index());
      if (!conditions.containsValue(Scenario.Point.NOT_APPLICABLE)) {
        conditionSets.add(conditions);
      }
    }
    if (conditionSets.isEmpty()) {
      // Every point leaves out the computes whose conditions are swept: nothing depends on them.
      return Optional.empty();
    }
    List<Row> rows = new ArrayList<>();
    for (Map<String, String> conditions : conditionSets) {
      List<Integer> points =
          scenario.points().stream()
              .map(Scenario.Point::index)
              .filter(
                  p -> Choices.underTheSameConditions(Choices.conditions(scenario, p), conditions))
              .toList();
      int recommended = choices.representative(scenario, winner, points.get(0));
      OptionalInt cheapest =
          points.stream()
              .filter(recommendation.meetingConstraints()::contains)
              .min(
                  (a, b) ->
                      Double.compare(
                          table.totalTally(a, recommendation.objective().minimize()).mean(),
                          table.totalTally(b, recommendation.objective().minimize()).mean()))
              .map(OptionalInt::of)
              .orElse(OptionalInt.empty());
      rows.add(
          new Row(
              conditions,
              recommended,
              recommendation.meetingConstraints().contains(recommended),
              cheapest));
    }
    return Optional.of(new Sensitivity(rows));
  }
}
