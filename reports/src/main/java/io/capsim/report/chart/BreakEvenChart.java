package io.capsim.report.chart;

import io.capsim.compute.Metric;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jspecify.annotations.Nullable;

/**
 * Cost and p95 wait against the swept idle timeout, through the recommended point: two panels on
 * one axis of the swept values (two value axes on one panel make lines seem to cross where nothing
 * happens), the wait limit drawn, the recommended timeout marked.
 */
final class BreakEvenChart {
  private BreakEvenChart() {}

  /**
   * The break-even curve: cost and p95 wait against the swept idle timeout, through the recommended
   * point (the other swept settings held at the winner's values); empty when no idle timeout is
   * swept.
   */
  static java.util.Optional<byte[]> draw(
      io.capsim.scenario.Scenario scenario, MetricTable table, Recommendation recommendation) {
    java.util.Optional<String> key =
        scenario.sweepKeys().stream()
            .filter(
                k ->
                    k.endsWith(".idle_time_before_scale_down")
                        || k.endsWith(".idle_time_before_shutdown_minutes"))
            .findFirst();
    if (key.isEmpty()) {
      return java.util.Optional.empty();
    }
    java.util.Map<String, String> winner = scenario.points().get(recommendation.winner()).values();
    XYSeries cost = new XYSeries("cost, USD", true);
    XYSeries wait = new XYSeries("p95 wait, minutes (worst compute)", true);
    String unit = key.get().endsWith("_minutes") ? "minutes" : "seconds";
    for (io.capsim.scenario.Scenario.Point point : scenario.points()) {
      boolean onSlice =
          point.values().entrySet().stream()
              .allMatch(
                  e -> e.getKey().equals(key.get()) || e.getValue().equals(winner.get(e.getKey())));
      java.util.OptionalDouble timeout = timeout(point.values().get(key.get()), unit);
      if (onSlice && timeout.isPresent()) {
        cost.add(timeout.getAsDouble(), table.totalTally(point.index(), Metric.COST_USD).mean());
        wait.add(timeout.getAsDouble(), Charts.worstWait(table, point.index()).mean() / 60);
      }
    }
    if (cost.getItemCount() < 2) {
      // The winner does not use the compute whose timeout is swept: there is no curve through it.
      return java.util.Optional.empty();
    }
    // Ticks at the swept values, evenly spaced: the values are the only ones simulated.
    String[] labels = new String[cost.getItemCount()];
    XYSeries costAt = new XYSeries("cost, USD", false);
    XYSeries waitAt = new XYSeries("p95 wait, minutes (worst compute)", false);
    int recommendedAt = 0;
    double recommendedTimeout = timeout(winner.get(key.get()), unit).orElse(Double.NaN);
    for (int i = 0; i < labels.length; i++) {
      double t = cost.getX(i).doubleValue();
      labels[i] = t == Math.rint(t) ? String.format(Locale.ROOT, "%,.0f", t) : String.valueOf(t);
      costAt.add(i, cost.getY(i));
      waitAt.add(i, wait.getY(i));
      if (t == recommendedTimeout) {
        recommendedAt = i;
      }
    }
    org.jfree.chart.axis.SymbolAxis timeouts =
        new org.jfree.chart.axis.SymbolAxis(
            key.get() + ", " + unit + " (the swept values)", labels);
    timeouts.setLabelFont(Charts.LABEL);
    timeouts.setGridBandsVisible(false);
    org.jfree.chart.plot.CombinedDomainXYPlot plot =
        new org.jfree.chart.plot.CombinedDomainXYPlot(timeouts);
    NumberAxis costAxis = new NumberAxis("cost, USD over the horizon");
    Charts.dollars(costAxis);
    plot.add(panel(costAt, costAxis, Palette.SECOND_MEASURE), 1);
    NumberAxis waitAxis = new NumberAxis("p95 wait, minutes");
    XYPlot waitPanel = panel(waitAt, waitAxis, Palette.SECOND_MEASURE);
    for (org.jfree.chart.plot.ValueMarker limit : Charts.waitLimits(recommendation)) {
      limit.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
      limit.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
      waitPanel.addRangeMarker(limit);
      // Keep the limit in view even when every wait is far below it.
      waitAxis.setAutoRangeIncludesZero(true);
      waitAxis.setUpperBound(Math.max(waitAxis.getUpperBound(), 1.1 * limit.getValue()));
    }
    plot.add(waitPanel, 1);
    org.jfree.chart.plot.ValueMarker chosen =
        new org.jfree.chart.plot.ValueMarker(
            recommendedAt, Palette.RECOMMENDED, new BasicStroke(1f));
    chosen.setLabel("recommended");
    chosen.setLabelPaint(Palette.RECOMMENDED);
    plot.getSubplots().forEach(sub -> sub.addDomainMarker(chosen));
    JFreeChart chart =
        new JFreeChart(
            "Break-even: cost and wait against the idle timeout", Charts.TITLE, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return java.util.Optional.of(Charts.png(chart));
  }

  /** One panel of a chart of stacked panels: a line with its points, on its own value axis. */
  private static XYPlot panel(XYSeries series, NumberAxis axis, Color colour) {
    axis.setLabelFont(Charts.LABEL);
    axis.setAutoRangeIncludesZero(false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    renderer.setSeriesPaint(0, colour);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    XYPlot panel = new XYPlot(new XYSeriesCollection(series), null, axis, renderer);
    panel.setBackgroundPaint(new Color(0xf7f7f7));
    return panel;
  }

  /**
   * A swept idle timeout in {@code unit}: Azure's whole number, or a duration such as {@code 30m};
   * empty where the point leaves its compute out.
   */
  private static java.util.OptionalDouble timeout(@Nullable String value, String unit) {
    if (value == null || value.equals(io.capsim.scenario.Scenario.Point.NOT_APPLICABLE)) {
      return java.util.OptionalDouble.empty();
    }
    if (value.chars().allMatch(Character::isDigit)) {
      return java.util.OptionalDouble.of(Double.parseDouble(value));
    }
    double perUnit = unit.equals("minutes") ? 60e6 : 1e6;
    return io.capsim.scenario.yaml.Quantities.durationMicros(value)
        .map(micros -> java.util.OptionalDouble.of(micros / perUnit))
        .orElse(java.util.OptionalDouble.empty());
  }
}
