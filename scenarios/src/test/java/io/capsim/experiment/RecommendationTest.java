package io.capsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.compute.Metric;
import io.capsim.engine.stat.Tally;
import io.capsim.scenario.Objective;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The recommendation follows its stated rule on the quickstart sweep: the winner meets the
 * constraint at its 95 % upper bound and has the lowest mean cost of those that do, and the points
 * called indistinguishable are exactly those whose paired interval contains 0.
 */
class RecommendationTest {
  private static Scenario scenario;
  private static MetricTable table;

  @BeforeAll
  static void run() throws Exception {
    scenario = ScenarioLoader.load(Path.of("../scenarios/examples/quickstart.yaml")).with(4, 42);
    table = MetricTable.of(new Runner(2).run(scenario, done -> {}));
  }

  @Test
  void winner_meetsTheConstraintAtItsUpperBoundAndCostsLeast() {
    Recommendation rec = Recommendation.of(scenario, table);
    assertThat(rec.feasible()).isTrue();
    Objective.Constraint waitP95 = rec.objective().subjectTo().get(0);
    for (int p = 0; p < table.points(); p++) {
      Tally wait = table.tally(p, "cpu-cluster", Metric.WAIT_P95_S);
      boolean meets = wait.mean() + wait.halfWidth95() <= waitP95.value();
      assertThat(rec.meetingConstraints().contains(p)).as("point %d", p).isEqualTo(meets);
      if (meets) {
        assertThat(table.totalTally(p, Metric.COST_USD).mean())
            .isGreaterThanOrEqualTo(table.totalTally(rec.winner(), Metric.COST_USD).mean());
      }
    }
    assertThat(rec.meetingConstraints()).contains(rec.winner());
  }

  @Test
  void pointsToShow_beyondTheMost_areTheWinnerTheBaselineThoseAsGoodAndTheCheapest_inOrder() {
    Recommendation rec = Recommendation.of(scenario, table);
    int points = table.points();
    assertThat(rec.pointsToShow(table, points)).hasSize(points).isSorted();
    assertThat(rec.meeting().cardinality()).isEqualTo(rec.meetingConstraints().size());
    rec.meetingConstraints().forEach(p -> assertThat(rec.meeting().get(p)).isTrue());
    int most = 2 + rec.indistinguishable().size() + 1;
    java.util.List<Integer> shown = rec.pointsToShow(table, most);
    assertThat(shown).hasSize(most).isSorted().contains(rec.winner(), rec.baseline());
    assertThat(shown).containsAll(rec.indistinguishable());
    // The one left is the cheapest of the points not chosen for what they are.
    java.util.Set<Integer> chosen = new java.util.HashSet<>(rec.indistinguishable());
    chosen.add(rec.winner());
    chosen.add(rec.baseline());
    int cheapestOther =
        java.util.stream.IntStream.range(0, points)
            .filter(p -> !chosen.contains(p))
            .boxed()
            .min(
                java.util.Comparator.comparingDouble(
                    p -> table.totalTally(p, Metric.COST_USD).mean()))
            .orElseThrow();
    assertThat(shown).contains(cheapestOther);
  }

  @Test
  void pointsToShow_keepsTheChosenBeforeTheCheapest_andNoMoreThanAsked() {
    // A recommendation made up to pin the choice: winner 3, baseline 0, as good: 5 and 6.
    Recommendation rec =
        new Recommendation(
            Recommendation.objectiveOf(scenario),
            3,
            true,
            java.util.List.of(3, 5, 6),
            java.util.List.of(5, 6),
            0,
            new Tally());
    assertThat(rec.pointsToShow(table, 2)).containsExactly(0, 3);
    assertThat(rec.pointsToShow(table, 3)).containsExactly(0, 3, 5);
    assertThat(rec.pointsToShow(table, 4)).containsExactly(0, 3, 5, 6);
    int cheapestOther =
        java.util.stream.IntStream.of(1, 2, 4, 7)
            .boxed()
            .min(
                java.util.Comparator.comparingDouble(
                    p -> table.totalTally(p, Metric.COST_USD).mean()))
            .orElseThrow();
    assertThat(rec.pointsToShow(table, 5))
        .containsExactlyElementsOf(
            java.util.stream.Stream.of(0, 3, 5, 6, cheapestOther).sorted().toList());
    assertThat(rec.pointsToShow(table, 7)).hasSize(7);
    assertThat(rec.pointsToShow(table, 8)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    assertThat(rec.meeting().stream().boxed().toList()).containsExactly(3, 5, 6);
  }

  @Test
  void indistinguishable_areThePointsWhosePairedIntervalContainsZero() {
    Recommendation rec = Recommendation.of(scenario, table);
    for (int p : rec.meetingConstraints()) {
      if (p == rec.winner()) {
        continue;
      }
      // The paired difference of the totals, replication by replication, computed here.
      Tally difference = new Tally();
      for (int r = 0; r < table.replications(); r++) {
        difference.record(
            table.total(p, r, Metric.COST_USD) - table.total(rec.winner(), r, Metric.COST_USD));
      }
      boolean tied = Math.abs(difference.mean()) <= difference.halfWidth95();
      assertThat(rec.indistinguishable().contains(p)).as("point %d", p).isEqualTo(tied);
    }
  }

  @Test
  void impossibleConstraint_saysSoAndShowsTheClosestPoint() throws Exception {
    byte[] yaml =
        Files.readString(Path.of("../scenarios/examples/quickstart.yaml"))
            .replace("wait_p95 <= 10m", "wait_p95 <= 1s")
            .replace("replications: 10", "replications: 3")
            .getBytes(StandardCharsets.UTF_8);
    Scenario strict = ScenarioLoader.parse("strict.yaml", yaml);
    MetricTable strictTable = MetricTable.of(new Runner(2).run(strict, done -> {}));
    Recommendation rec = Recommendation.of(strict, strictTable);
    assertThat(rec.feasible()).isFalse();
    assertThat(rec.meetingConstraints()).isEmpty();
    double closest = Recommendation.violation(strictTable, rec.winner(), rec.objective());
    for (int p = 0; p < strictTable.points(); p++) {
      assertThat(Recommendation.violation(strictTable, p, rec.objective()))
          .isGreaterThanOrEqualTo(closest);
    }
  }

  @Test
  void worstBound_isTheComputeWhoseBoundIsWorstForTheConstraint_upperOrLower() throws Exception {
    Scenario two =
        ScenarioLoader.load(Path.of("src/test/resources/two-computes-per-point.yaml")).with(3, 7);
    MetricTable both = MetricTable.of(new Runner(2).run(two, done -> {}));
    Objective.Constraint wait =
        new Objective.Constraint(Metric.WAIT_P95_S, "<=", 3600, "wait_p95 <= 1h");
    Objective.Constraint busy =
        new Objective.Constraint(Metric.UTILIZATION, ">=", 0.5, "utilization >= 0.5");
    java.util.Set<String> deciding = new java.util.HashSet<>();
    for (int p = 0; p < both.points(); p++) {
      deciding.add(Recommendation.worstBound(both, p, wait).compute());
      deciding.add(Recommendation.worstBound(both, p, busy).compute());
      double worstUpper = Double.NEGATIVE_INFINITY;
      double worstLower = Double.POSITIVE_INFINITY;
      for (String compute : both.computes()) {
        Tally w = both.tally(p, compute, Metric.WAIT_P95_S);
        worstUpper = Math.max(worstUpper, w.mean() + w.halfWidth95());
        Tally u = both.tally(p, compute, Metric.UTILIZATION);
        worstLower = Math.min(worstLower, u.mean() - u.halfWidth95());
      }
      assertThat(Recommendation.worstBound(both, p, wait).value()).isEqualTo(worstUpper);
      assertThat(Recommendation.worstBound(both, p, wait).upper()).isTrue();
      assertThat(Recommendation.worstBound(both, p, busy).value()).isEqualTo(worstLower);
      assertThat(Recommendation.worstBound(both, p, busy).upper()).isFalse();
    }
    assertThat(deciding).as("each compute decides some constraint somewhere").hasSize(2);
  }
}
