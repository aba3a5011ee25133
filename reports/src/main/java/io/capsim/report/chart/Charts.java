package io.capsim.report.chart;

import io.capsim.compute.Metric;
import io.capsim.cost.CostBucket;
import io.capsim.engine.stat.Tally;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jspecify.annotations.Nullable;

/** The report's charts as 1280x720 PNGs: labelled axes with units, dollars and minutes. */
public final class Charts {
  public static final int WIDTH = 1280;
  public static final int HEIGHT = 720;
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 16);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /**
   * Cost against p95 wait for every point, with 95 % error bars on both, the points that meet the
   * constraints in one colour, the others in another, and the Pareto frontier drawn through the
   * points no other point beats on both.
   */
  public static byte[] costVersusWait(MetricTable table, Recommendation recommendation) {
    XYIntervalSeries meeting = new XYIntervalSeries("meets the constraints");
    XYIntervalSeries missing = new XYIntervalSeries("misses a constraint");
    List<double[]> points = new ArrayList<>();
    for (int p = 0; p < table.points(); p++) {
      Tally cost = table.totalTally(p, Metric.COST_USD);
      Tally wait = worstWait(table, p);
      double w = wait.mean() / 60;
      double wh = halfWidth(wait) / 60;
      double c = cost.mean();
      double ch = halfWidth(cost);
      (recommendation.meetingConstraints().contains(p) ? meeting : missing)
          .add(w, w - wh, w + wh, c, c - ch, c + ch);
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
    errors.setSeriesPaint(0, new Color(0x1b7837));
    errors.setSeriesPaint(1, new Color(0xb2182b));
    plot.setRenderer(0, errors);
    XYSeriesCollection frontier = new XYSeriesCollection(pareto(points));
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
    line.setSeriesPaint(0, new Color(0x2166ac));
    line.setSeriesStroke(0, new BasicStroke(2f));
    plot.setDataset(1, frontier);
    plot.setRenderer(1, line);
    dollars((NumberAxis) plot.getRangeAxis());
    style(chart);
    return png(chart);
  }

  /** The cost waterfall: each point's cost split into its buckets, stacked. */
  public static byte[] costWaterfall(MetricTable table) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int p = 0; p < table.points(); p++) {
      for (CostBucket bucket : CostBucket.values()) {
        data.addValue(
            table.totalTally(p, Metric.costOf(bucket)).mean(),
            bucket.key().replace('_', ' '),
            "point " + p);
      }
    }
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            "Where the money goes, by point",
            "sweep point",
            "mean cost, USD over the horizon",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    CategoryPlot plot = chart.getCategoryPlot();
    dollars((NumberAxis) plot.getRangeAxis());
    style(chart);
    return png(chart);
  }

  /**
   * The break-even curve: cost and p95 wait against the swept idle timeout, through the recommended
   * point (the other swept settings held at the winner's values); empty when no idle timeout is
   * swept.
   */
  public static java.util.Optional<byte[]> breakEven(
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
        wait.add(timeout.getAsDouble(), worstWait(table, point.index()).mean() / 60);
      }
    }
    if (cost.getItemCount() < 2) {
      // The winner does not use the compute whose timeout is swept: there is no curve through it.
      return java.util.Optional.empty();
    }
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Break-even: cost and wait against the idle" + " timeout",
            key.get() + ", " + unit,
            "cost, USD over the horizon",
            new XYSeriesCollection(cost),
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer costRenderer = new XYLineAndShapeRenderer(true, true);
    costRenderer.setSeriesPaint(0, new Color(0x2166ac));
    costRenderer.setSeriesStroke(0, new BasicStroke(2f));
    plot.setRenderer(0, costRenderer);
    org.jfree.chart.axis.LogAxis timeoutAxis =
        new org.jfree.chart.axis.LogAxis(key.get() + ", " + unit + " (log scale)");
    timeoutAxis.setLabelFont(LABEL);
    timeoutAxis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.5));
    timeoutAxis.setNumberFormatOverride(
        new java.text.DecimalFormat(
            "#,##0", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT)));
    plot.setDomainAxis(timeoutAxis);
    NumberAxis waitAxis = new NumberAxis("p95 wait, minutes (worst compute)");
    waitAxis.setLabelFont(LABEL);
    plot.setRangeAxis(1, waitAxis);
    plot.setDataset(1, new XYSeriesCollection(wait));
    plot.mapDatasetToRangeAxis(1, 1);
    XYLineAndShapeRenderer waitRenderer = new XYLineAndShapeRenderer(true, true);
    waitRenderer.setSeriesPaint(0, new Color(0xb2182b));
    waitRenderer.setSeriesStroke(0, new BasicStroke(2f));
    plot.setRenderer(1, waitRenderer);
    dollars((NumberAxis) plot.getRangeAxis());
    style(chart);
    return java.util.Optional.of(png(chart));
  }

  /**
   * Nodes against queued jobs over the captured week, for the recommended and the baseline runs
   * (replication 0), a pair of lines per compute when a run has several (summing them would hide
   * which one queues); read from {@code timeline.csv}. The time axis shows weekdays and clock times
   * in the scenario's time zone, from its start.
   */
  public static byte[] timeline(
      tech.tablesaw.api.Table timeline, java.time.Instant start, java.time.ZoneId zone) {
    boolean severalComputes = timeline.stringColumn("compute").countUnique() > 1;
    java.util.Map<String, XYSeries> series = new java.util.LinkedHashMap<>();
    double startMillis = start.toEpochMilli();
    for (tech.tablesaw.api.Row row : timeline) {
      String name =
          row.getString("series") + (severalComputes ? " " + row.getString("compute") : "");
      double millis = startMillis + row.getNumber("hours") * 3_600_000;
      series
          .computeIfAbsent(name + ": nodes", k -> new XYSeries(k, false))
          .add(millis, row.getNumber("nodes"));
      series
          .computeIfAbsent(name + ": queued jobs", k -> new XYSeries(k, false))
          .add(millis, row.getNumber("queued_jobs"));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    series.values().forEach(data::addSeries);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "Nodes and queued jobs over a week (replication 0)",
            "time (" + zone.getId() + ")",
            "nodes or jobs",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    org.jfree.chart.axis.DateAxis time =
        new org.jfree.chart.axis.DateAxis(
            "time (" + zone.getId() + ")", java.util.TimeZone.getTimeZone(zone), Locale.ROOT);
    time.setDateFormatOverride(dayAndClock(zone));
    time.setLabelFont(LABEL);
    chart.getXYPlot().setDomainAxis(time);
    // Nodes and jobs are whole numbers: no tick at 0.5.
    chart
        .getXYPlot()
        .getRangeAxis()
        .setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    Color[] colours = {
      new Color(0x2166ac), new Color(0x92c5de), new Color(0xb2182b), new Color(0xf4a582),
      new Color(0x1b7837), new Color(0xa6dba0), new Color(0x762a83), new Color(0xc2a5cf)
    };
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesPaint(i, colours[i % colours.length]);
      renderer.setSeriesStroke(i, new BasicStroke(i % 2 == 0 ? 2f : 1.5f));
    }
    chart.getXYPlot().setRenderer(renderer);
    style(chart);
    return png(chart);
  }

  /** {@code Mon 09:00} in {@code zone}, the same in every locale. */
  private static java.text.DateFormat dayAndClock(java.time.ZoneId zone) {
    java.text.SimpleDateFormat format = new java.text.SimpleDateFormat("EEE HH:mm", Locale.ROOT);
    format.setTimeZone(java.util.TimeZone.getTimeZone(zone));
    return format;
  }

  /**
   * The share of jobs that started within each wait, per run and compute; from {@code waits.csv}.
   */
  public static byte[] waitCdf(tech.tablesaw.api.Table waits) {
    java.util.Map<String, XYSeries> series = new java.util.LinkedHashMap<>();
    for (tech.tablesaw.api.Row row : waits) {
      String name = row.getString("series") + ": " + row.getString("compute");
      series
          .computeIfAbsent(name, k -> new XYSeries(k, false))
          .add(row.getNumber("wait_s") / 60, row.getNumber("quantile"));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    series.values().forEach(data::addSeries);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            "How long jobs waited to start (replication 0)",
            "wait from submission to start, minutes",
            "share of jobs that waited at most this long",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < data.getSeriesCount(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(2f));
    }
    chart.getXYPlot().setRenderer(renderer);
    ((NumberAxis) chart.getXYPlot().getRangeAxis())
        .setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.US));
    style(chart);
    return png(chart);
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

  private static Tally worstWait(MetricTable table, int point) {
    return table.computes(point).stream()
        .map(c -> table.tally(point, c, Metric.WAIT_P95_S))
        .max(Comparator.comparingDouble(Tally::mean))
        .orElseThrow();
  }

  private static double halfWidth(Tally tally) {
    double h = tally.halfWidth95();
    return Double.isNaN(h) ? 0 : h;
  }

  /** The points not beaten on both wait and cost, by wait. */
  static XYSeries pareto(List<double[]> points) {
    XYSeries frontier = new XYSeries("Pareto frontier", true);
    List<double[]> sorted = new ArrayList<>(points);
    sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
    double bestCost = Double.POSITIVE_INFINITY;
    for (double[] p : sorted) {
      if (p[1] < bestCost) {
        frontier.add(p[0], p[1]);
        bestCost = p[1];
      }
    }
    return frontier;
  }

  private static void dollars(NumberAxis axis) {
    axis.setNumberFormatOverride(NumberFormat.getCurrencyInstance(Locale.US));
  }

  private static void style(JFreeChart chart) {
    chart.getTitle().setFont(TITLE);
    chart.setBackgroundPaint(Color.WHITE);
    if (chart.getPlot() instanceof XYPlot xy) {
      xy.getDomainAxis().setLabelFont(LABEL);
      xy.getRangeAxis().setLabelFont(LABEL);
      xy.setBackgroundPaint(new Color(0xf7f7f7));
    } else if (chart.getPlot() instanceof CategoryPlot category) {
      category.getDomainAxis().setLabelFont(LABEL);
      category.getRangeAxis().setLabelFont(LABEL);
      category.setBackgroundPaint(new Color(0xf7f7f7));
    }
  }

  private static byte[] png(JFreeChart chart) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("rendering " + chart.getTitle().getText(), e);
    }
  }
}
