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
    if (choices.conditionSets().isEmpty()) {
      // Every point leaves out the computes whose conditions are swept: nothing depends on them.
      return Optional.empty();
    }
    int winner = choices.groupOf(recommendation.winner());
    java.util.Set<Integer> meeting = java.util.Set.copyOf(recommendation.meetingConstraints());
    List<Row> rows = new ArrayList<>();
    for (Map<String, String> conditions : choices.conditionSets()) {
      List<Integer> points = choices.pointsUnder(conditions);
      int recommended = choices.representative(winner, points.get(0));
      OptionalInt cheapest =
          points.stream()
              .filter(meeting::contains)
              .min(
                  (a, b) ->
                      Double.compare(
                          table.totalTally(a, recommendation.objective().minimize()).mean(),
                          table.totalTally(b, recommendation.objective().minimize()).mean()))
              .map(OptionalInt::of)
              .orElse(OptionalInt.empty());
      rows.add(new Row(conditions, recommended, meeting.contains(recommended), cheapest));
    }
    return Optional.of(new Sensitivity(rows));
  }
}
