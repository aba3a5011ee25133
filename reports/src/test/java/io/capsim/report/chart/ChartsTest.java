package io.capsim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.cost.CostBucket;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import io.capsim.experiment.Runner;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the charts decide: which to draw, which axes are logarithmic, which colours mean what. */
class ChartsTest {
  private static Recommendation recommend(Scenario scenario, MetricTable table) {
    return Recommendation.of(scenario, table);
  }

  @Test
  void theBreakEvenCurve_isDrawnOnlyWhereTheWinnerUsesTheComputeWhoseTimeoutIsSwept()
      throws Exception {
    Scenario quickstart =
        ScenarioLoader.load(Path.of("../scenarios/examples/quickstart.yaml")).with(2, 3);
    MetricTable q = MetricTable.of(new Runner(2).run(quickstart, done -> {}));
    assertThat(Charts.breakEven(quickstart, q, recommend(quickstart, q))).isPresent();
    Scenario serverless =
        ScenarioLoader.load(Path.of("../scenarios/examples/serverless-vs-cluster.yaml")).with(2, 3);
    MetricTable s = MetricTable.of(new Runner(2).run(serverless, done -> {}));
    Recommendation rec = recommend(serverless, s);
    assertThat(serverless.points().get(rec.winner()).describe())
        .isEqualTo("adhoc.compute = serverless-a100");
    assertThat(Charts.breakEven(serverless, s, rec)).isEmpty();
  }

  @Test
  void anAxisIsLogarithmic_onlyWhenItsValuesSpanMoreThanAHundredfold() {
    assertThat(CostWaitChart.spans(List.of(new double[] {1, 5}, new double[] {99, 7}), 0))
        .isFalse();
    assertThat(CostWaitChart.spans(List.of(new double[] {1, 5}, new double[] {101, 7}), 0))
        .isTrue();
    // A zero wait (no job waited) does not make every other value look infinitely far.
    assertThat(CostWaitChart.spans(List.of(new double[] {0, 5}, new double[] {50, 7}), 0))
        .isFalse();
  }

  @Test
  void productiveSpendIsGreen_wasteWarm_andEveryBucketHasItsOwnColour() {
    Color productive = Palette.of(CostBucket.PRODUCTIVE);
    assertThat(productive.getGreen()).isGreaterThan(productive.getRed());
    for (CostBucket waste :
        List.of(CostBucket.PROVISIONING, CostBucket.IDLE, CostBucket.FLOOR, CostBucket.LOST_WORK)) {
      assertThat(Palette.of(waste).getRed())
          .as("%s", waste)
          .isGreaterThan(Palette.of(waste).getBlue());
    }
    assertThat(Arrays.stream(CostBucket.values()).map(Palette::of).distinct().count())
        .isEqualTo(CostBucket.values().length);
    assertThat(Palette.RECOMMENDED).isNotEqualTo(Palette.BASELINE);
  }
}
