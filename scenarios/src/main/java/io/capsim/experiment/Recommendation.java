package io.capsim.experiment;

import io.capsim.compute.Metric;
import io.capsim.engine.stat.Tally;
import io.capsim.scenario.Objective;
import io.capsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a sweep. A point meets a constraint only if the constraint holds at the 95 % bound
 * that is worst for it (the upper bound for {@code <=}, the lower for {@code >=}) on every compute;
 * among the points that meet all of them, the lowest mean objective (summed over computes) wins.
 * Points whose paired difference from the winner has a 95 % interval containing 0 are statistically
 * indistinguishable from it: the points share their random numbers, so the paired interval is far
 * narrower than the two intervals side by side.
 *
 * <p>When the sweep has condition keys (a preemption rate, an arrival rate: what the user does not
 * choose), the candidates are choices, each the points that differ only in conditions: a choice
 * meets the constraints only if it does under every condition, its objective is the mean over the
 * conditions, and the savings compare the baseline's choice and the winner's alike. The winner is
 * then the winning choice's point under the baseline's conditions.
 *
 * @param winner the recommended point; when nothing meets the constraints, the closest point
 * @param feasible whether the winner meets the constraints
 * @param indistinguishable other points that meet the constraints and are not worse than the winner
 *     at 95 %
 * @param baseline the point to compare with: the scenario's {@code baseline:}, or its first
 * @param savings baseline minus winner, paired, in the objective's unit
 */
public record Recommendation(
    Objective objective,
    int winner,
    boolean feasible,
    List<Integer> meetingConstraints,
    List<Integer> indistinguishable,
    int baseline,
    Tally savings) {

  /**
   * The points meeting the constraints as a set, for a report asking of each of thousands of points
   * (the list's {@code contains} would make it quadratic).
   */
  public java.util.BitSet meeting() {
    java.util.BitSet set = new java.util.BitSet();
    meetingConstraints.forEach(set::set);
    return set;
  }

  /**
   * The points a chart or table can show when there are more than {@code most}: the recommended,
   * the baseline, those indistinguishable from the winner, then the cheapest, in point order; all
   * of them when they fit. Linear in the points but for sorting the costs.
   */
  public List<Integer> pointsToShow(MetricTable table, int most) {
    int points = table.points();
    java.util.BitSet shown = new java.util.BitSet(points);
    if (points <= most) {
      shown.set(0, points);
    } else {
      shown.set(winner);
      shown.set(baseline);
      indistinguishable.stream().limit(Math.max(0, most - 2)).forEach(shown::set);
      Integer[] byCost = new Integer[points];
      double[] cost = new double[points];
      for (int p = 0; p < points; p++) {
        byCost[p] = p;
        cost[p] = table.totalTally(p, Metric.COST_USD).mean();
      }
      java.util.Arrays.sort(byCost, java.util.Comparator.comparingDouble(p -> cost[p]));
      for (int i = 0; i < points && shown.cardinality() < most; i++) {
        shown.set(byCost[i]);
      }
    }
    return shown.stream().boxed().toList();
  }

  /** The objective a scenario states, or the lowest cost with no constraint. */
  public static Objective objectiveOf(Scenario scenario) {
    return scenario.objective().orElse(new Objective(Metric.COST_USD, List.of()));
  }

  public static Recommendation of(Scenario scenario, MetricTable table) {
    Objective objective = objectiveOf(scenario);
    Choices choices = Choices.of(scenario);
    List<Integer> meeting = new ArrayList<>();
    boolean[] meets = new boolean[table.points()];
    for (int p = 0; p < table.points(); p++) {
      meets[p] = violation(table, p, objective) == 0;
      if (meets[p]) {
        meeting.add(p);
      }
    }
    // A choice meets the constraints only if it does under every condition swept.
    List<Integer> feasibleChoices = new ArrayList<>();
    for (int g = 0; g < choices.count(); g++) {
      if (choices.points(g).stream().allMatch(p -> meets[p]) && choices.coversAll(g)) {
        feasibleChoices.add(g);
      }
    }
    Metric metric = objective.minimize();
    boolean feasible = !feasibleChoices.isEmpty();
    int winnerChoice =
        feasible
            ? feasibleChoices.stream()
                .min(
                    (a, b) ->
                        Double.compare(
                            choices.tally(table, a, metric).mean(),
                            choices.tally(table, b, metric).mean()))
                .orElseThrow()
            : closest(table, objective, choices);
    int baseline = scenario.baselinePoint();
    int winner = choices.representative(winnerChoice, baseline);
    List<Integer> tied = new ArrayList<>();
    for (int g : feasibleChoices) {
      if (g != winnerChoice) {
        Tally difference = choices.pairedDifference(table, g, winnerChoice, metric);
        if (Math.abs(difference.mean()) <= difference.halfWidth95()) {
          tied.add(choices.representative(g, baseline));
        }
      }
    }
    return new Recommendation(
        objective,
        winner,
        feasible,
        meeting,
        tied,
        baseline,
        choices.pairedDifference(table, choices.groupOf(baseline), winnerChoice, metric));
  }

  /**
   * How far a point is from meeting the constraints: the sum over constraints and computes of the
   * relative amount by which the worst-case bound misses the limit; 0 when it meets them all.
   */
  static double violation(MetricTable table, int point, Objective objective) {
    double total = 0;
    for (Objective.Constraint c : objective.subjectTo()) {
      for (String compute : table.computes(point)) {
        Bound bound = bound(table, point, compute, c);
        if (!c.holds(bound.value())) {
          double miss = bound.upper() ? bound.value() - c.value() : c.value() - bound.value();
          total += miss / Math.max(Math.abs(c.value()), 1e-9) + 1e-12;
        }
      }
    }
    return total;
  }

  /**
   * A constrained metric of one compute at one point: its mean and the 95 % bound the constraint is
   * judged on (the upper for {@code <=}, the lower for {@code >=}; the mean with one replication).
   */
  public record Bound(String compute, double mean, double value, boolean upper) {}

  static Bound bound(MetricTable table, int point, String compute, Objective.Constraint c) {
    Tally tally = table.tally(point, compute, c.metric());
    double halfWidth = Double.isNaN(tally.halfWidth95()) ? 0 : tally.halfWidth95();
    boolean upper = c.operator().startsWith("<");
    return new Bound(
        compute, tally.mean(), upper ? tally.mean() + halfWidth : tally.mean() - halfWidth, upper);
  }

  /** Of {@code point}'s computes, the one whose bound is worst for {@code c}: what decides it. */
  public static Bound worstBound(MetricTable table, int point, Objective.Constraint c) {
    Bound worst = null;
    for (String compute : table.computes(point)) {
      Bound b = bound(table, point, compute, c);
      if (worst == null || (b.upper() ? b.value() > worst.value() : b.value() < worst.value())) {
        worst = b;
      }
    }
    return java.util.Objects.requireNonNull(worst, "a point has at least one compute");
  }

  /** The choice whose points miss the constraints by least, summed over its conditions. */
  private static int closest(MetricTable table, Objective objective, Choices choices) {
    int best = 0;
    double bestMiss = Double.POSITIVE_INFINITY;
    for (int g = 0; g < choices.count(); g++) {
      double miss = 0;
      for (int p : choices.points(g)) {
        miss += violation(table, p, objective);
      }
      if (miss < bestMiss) {
        best = g;
        bestMiss = miss;
      }
    }
    return best;
  }

  /**
   * The savings as a share of the baseline's mean objective (averaged over the conditions swept, as
   * the savings are); empty when that mean is 0.
   */
  public Optional<Double> savingsPercent(Scenario scenario, MetricTable table) {
    Choices choices = Choices.of(scenario);
    double base = choices.tally(table, choices.groupOf(baseline), objective.minimize()).mean();
    return base == 0 ? Optional.empty() : Optional.of(100 * savings.mean() / base);
  }
}
