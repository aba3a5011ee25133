package io.capsim.report.chart;

import io.capsim.compute.Metric;
import io.capsim.engine.stat.Tally;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import java.awt.BasicStroke;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Cost against p95 wait for every point, with 95 % error bars on both: each point numbered as in
 * the report's tables, the recommended point and the baseline ringed in their colours, the wait
 * limit drawn, the Pareto frontier, and a log axis where values span more than a hundredfold.
 */
final class CostWaitChart {
  /** Beyond this ratio of largest to smallest value an axis is logarithmic. */
  static final double LOG_AXIS_SPAN = 100;

  private CostWaitChart() {}

  static byte[] draw(MetricTable table, Recommendation rec) {
    XYIntervalSeries meeting = new XYIntervalSeries("meets the constraints");
    XYIntervalSeries missing = new XYIntervalSeries("misses a constraint");
    List<double[]> points = new ArrayList<>();
    java.util.BitSet meets = rec.meeting();
    for (int p = 0; p < table.points(); p++) {
      Tally cost = table.totalTally(p, Metric.COST_USD);
      Tally wait = Charts.worstWait(table, p);
      double w = wait.mean() / 60;
      double wh = Charts.halfWidth(wait) / 60;
      double c = cost.mean();
      double ch = Charts.halfWidth(cost);
      (meets.get(p) ? meeting : missing).add(w, w - wh, w + wh, c, c - ch, c + ch);
      points.add(new double[] {w, c});
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    data.addSeries(meeting);
    data.addSeries(missing);
    JFreeChart chart =
        ChartFactory.createScatterPlot(
            "Cost against p95 wait, every point",
            "p95 wait, minutes (worst compute)",
            "cost, USD over the horizon",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYErrorRenderer errors = new XYErrorRenderer();
    errors.setSeriesPaint(0, Palette.MEETS);
    errors.setSeriesPaint(1, Palette.MISSES);
    plot.setRenderer(0, errors);
    XYLineAndShapeRenderer frontier = new XYLineAndShapeRenderer(true, false);
    frontier.setSeriesPaint(0, Palette.MISSES);
    frontier.setSeriesStroke(
        0,
        new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1, new float[] {6, 4}, 0));
    plot.setDataset(1, new XYSeriesCollection(Charts.pareto(points)));
    plot.setRenderer(1, frontier);
    logWhereWide(plot, points);
    for (int p = 0; p < points.size(); p++) {
      XYTextAnnotation label = new XYTextAnnotation("  " + p, points.get(p)[0], points.get(p)[1]);
      label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
      label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      plot.addAnnotation(label);
    }
    if (rec.winner() == rec.baseline()) {
      ring(plot, points.get(rec.winner()), Palette.RECOMMENDED, "recommended, the baseline");
    } else {
      ring(plot, points.get(rec.baseline()), Palette.BASELINE, "baseline");
      ring(plot, points.get(rec.winner()), Palette.RECOMMENDED, "recommended");
    }
    for (ValueMarker limit : Charts.waitLimits(rec)) {
      limit.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      limit.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      limit.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      plot.addDomainMarker(limit);
    }
    Charts.dollars((NumberAxis) plot.getRangeAxis());
    Charts.style(chart);
    return Charts.png(chart);
  }

  /** A ring around a point, with its name, in its colour. */
  private static void ring(XYPlot plot, double[] point, java.awt.Color colour, String name) {
    plot.addAnnotation(
        new XYShapeAnnotation(ringShape(plot, point), new BasicStroke(2.5f), colour) {
          private static final long serialVersionUID = 1L;
        });
    XYTextAnnotation label = new XYTextAnnotation("    " + name, point[0], point[1]);
    label.setTextAnchor(TextAnchor.TOP_LEFT);
    label.setPaint(colour);
    label.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
    plot.addAnnotation(label);
  }

  /** A small ellipse in data units around the point: 2 % of each axis's span. */
  private static java.awt.Shape ringShape(XYPlot plot, double[] point) {
    double dx = 0.02 * span(plot.getDataRange(plot.getDomainAxis()));
    double dy = 0.03 * span(plot.getDataRange(plot.getRangeAxis()));
    return new java.awt.geom.Ellipse2D.Double(point[0] - dx, point[1] - dy, 2 * dx, 2 * dy);
  }

  private static double span(org.jfree.data.@org.jspecify.annotations.Nullable Range range) {
    return range == null || range.getLength() == 0 ? 1 : range.getLength();
  }

  /** Log axes where the values span decades, so that the cheap end is not crushed flat. */
  private static void logWhereWide(XYPlot plot, List<double[]> points) {
    if (spans(points, 0)) {
      LogAxis axis = new LogAxis(plot.getDomainAxis().getLabel() + " (log scale)");
      axis.setSmallestValue(1e-3);
      plot.setDomainAxis(axis);
    }
    if (spans(points, 1)) {
      LogAxis axis = new LogAxis(plot.getRangeAxis().getLabel() + " (log scale)");
      axis.setNumberFormatOverride(java.text.NumberFormat.getCurrencyInstance(java.util.Locale.US));
      plot.setRangeAxis(axis);
    }
  }

  static boolean spans(List<double[]> points, int coordinate) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (double[] p : points) {
      if (p[coordinate] > 0) {
        min = Math.min(min, p[coordinate]);
        max = Math.max(max, p[coordinate]);
      }
    }
    return max / min > LOG_AXIS_SPAN;
  }
}
