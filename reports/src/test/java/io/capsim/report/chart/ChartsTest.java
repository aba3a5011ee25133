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
  void everyChart_isTheSameBytesInEveryLocale() throws Exception {
    Scenario quickstart =
        ScenarioLoader.load(Path.of("../scenarios/examples/quickstart.yaml")).with(2, 3);
    MetricTable q = MetricTable.of(new Runner(2).run(quickstart, done -> {}));
    Recommendation rec = recommend(quickstart, q);
    java.util.Locale before = java.util.Locale.getDefault();
    List<byte[]> rootCharts;
    List<byte[]> germanCharts;
    try {
      java.util.Locale.setDefault(java.util.Locale.ROOT);
      rootCharts = charts(quickstart, q, rec);
      // Decimal commas and points for thousands: the ticks used to follow them.
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      germanCharts = charts(quickstart, q, rec);
    } finally {
      java.util.Locale.setDefault(before);
    }
    for (int i = 0; i < rootCharts.size(); i++) {
      assertThat(germanCharts.get(i)).as("chart %d", i).isEqualTo(rootCharts.get(i));
    }
  }

  private static List<byte[]> charts(Scenario scenario, MetricTable table, Recommendation rec) {
    // A plain chart whose ticks need decimals and thousands (2,500.5): where locales differ.
    org.jfree.data.xy.XYSeries series = new org.jfree.data.xy.XYSeries("s");
    series.add(0.25, 1_000.5);
    series.add(2.75, 2_500.5);
    byte[] decimals =
        Charts.png(
            org.jfree.chart.ChartFactory.createXYLineChart(
                "t", "x", "y", new org.jfree.data.xy.XYSeriesCollection(series)));
    return List.of(
        decimals,
        Charts.costVersusWait(table, rec),
        Charts.costWaterfall(table, rec),
        Charts.breakEven(scenario, table, rec).orElseThrow());
  }

  @Test
  void anAxisWithoutAFormat_printsTicksInOneLocale() {
    org.jfree.chart.axis.NumberAxis axis = new org.jfree.chart.axis.NumberAxis("x");
    org.jfree.chart.plot.XYPlot plot =
        new org.jfree.chart.plot.XYPlot(null, axis, new org.jfree.chart.axis.NumberAxis("y"), null);
    Charts.inOneLocale(plot);
    assertThat(axis.getNumberFormatOverride().format(12345.25)).isEqualTo("12,345.25");
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
