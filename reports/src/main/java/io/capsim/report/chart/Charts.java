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
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The report's charts as 1280x720 PNGs: labelled axes with units, dollars and minutes. */
public final class Charts {
  public static final int WIDTH = 1280;
  public static final int HEIGHT = 720;
  static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 22);
  static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 16);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** Cost against p95 wait for every point: see {@link CostWaitChart}. */
  public static byte[] costVersusWait(MetricTable table, Recommendation recommendation) {
    return CostWaitChart.draw(table, recommendation);
  }

  /** The most bars the waterfall draws: more are unreadable, and slow to lay out. */
  static final int MOST_BARS = 40;

  /**
   * The cost waterfall: each point's cost split into its buckets, stacked; beyond {@link
   * #MOST_BARS} points, the recommended, the baseline and the cheapest.
   */
  public static byte[] costWaterfall(MetricTable table, Recommendation recommendation) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<Integer> shown = recommendation.pointsToShow(table, MOST_BARS);
    for (int p : shown) {
      String category =
          "point "
              + p
              + (p == recommendation.winner() ? " (recommended)" : "")
              + (p == recommendation.baseline() ? " (baseline)" : "");
      for (CostBucket bucket : CostBucket.values()) {
        data.addValue(
            table.totalTally(p, Metric.costOf(bucket)).mean(),
            bucket.key().replace('_', ' '),
            category);
      }
    }
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            shown.size() == table.points()
                ? "Where the money goes, by point"
                : String.format(
                    Locale.ROOT,
                    "Where the money goes: %d of %,d points (recommended, baseline, cheapest)",
                    shown.size(),
                    table.points()),
            "sweep point",
            "mean cost, USD over the horizon",
            data,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    CategoryPlot plot = chart.getCategoryPlot();
    for (CostBucket bucket : CostBucket.values()) {
      plot.getRenderer()
          .setSeriesPaint(data.getRowIndex(bucket.key().replace('_', ' ')), Palette.of(bucket));
    }
    dollars((NumberAxis) plot.getRangeAxis());
    style(chart);
    return png(chart);
  }

  /** The break-even curve, if an idle timeout is swept: see {@link BreakEvenChart}. */
  public static java.util.Optional<byte[]> breakEven(
      io.capsim.scenario.Scenario scenario, MetricTable table, Recommendation recommendation) {
    return BreakEvenChart.draw(scenario, table, recommendation);
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
    for (int i = 0; i < data.getSeriesCount(); i++) {
      String key = String.valueOf(data.getSeriesKey(i));
      boolean nodes = key.endsWith(": nodes");
      renderer.setSeriesPaint(
          i,
          key.startsWith("baseline")
              ? (nodes ? Palette.BASELINE : Palette.BASELINE_LIGHT)
              : (nodes ? Palette.RECOMMENDED : Palette.RECOMMENDED_LIGHT));
      renderer.setSeriesStroke(i, new BasicStroke(nodes ? 2f : 1.5f));
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
      renderer.setSeriesPaint(
          i,
          String.valueOf(data.getSeriesKey(i)).startsWith("baseline")
              ? Palette.BASELINE
              : Palette.RECOMMENDED);
    }
    chart.getXYPlot().setRenderer(renderer);
    NumberAxis share = (NumberAxis) chart.getXYPlot().getRangeAxis();
    share.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.US));
    // A share of jobs: never above 100 %, whatever margin the axis would add.
    share.setRange(0, 1);
    style(chart);
    return png(chart);
  }

  /** A marker for each wait constraint's limit, in minutes, labelled and in the limit's colour. */
  static List<org.jfree.chart.plot.ValueMarker> waitLimits(Recommendation recommendation) {
    List<org.jfree.chart.plot.ValueMarker> limits = new ArrayList<>();
    for (io.capsim.scenario.Objective.Constraint c : recommendation.objective().subjectTo()) {
      if (c.metric() == Metric.WAIT_P95_S) {
        org.jfree.chart.plot.ValueMarker limit =
            new org.jfree.chart.plot.ValueMarker(
                c.value() / 60, Palette.LIMIT, new BasicStroke(2f));
        limit.setLabel("limit: " + c.text());
        limit.setLabelPaint(Palette.LIMIT);
        limits.add(limit);
      }
    }
    return limits;
  }

  static Tally worstWait(MetricTable table, int point) {
    return table.computes(point).stream()
        .map(c -> table.tally(point, c, Metric.WAIT_P95_S))
        .max(Comparator.comparingDouble(Tally::mean))
        .orElseThrow();
  }

  static double halfWidth(Tally tally) {
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

  static void dollars(NumberAxis axis) {
    axis.setNumberFormatOverride(NumberFormat.getCurrencyInstance(Locale.US));
  }

  static void style(JFreeChart chart) {
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

  /**
   * Every numeric axis not already formatted prints its ticks as the report's text does, whatever
   * the machine's locale: decimal points, ASCII digits, comma thousands. JFreeChart's default tick
   * formats follow the default locale (decimal commas under de and tr).
   */
  static void inOneLocale(org.jfree.chart.plot.Plot plot) {
    if (plot instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined) {
      combined.getSubplots().forEach(Charts::inOneLocale);
    }
    if (plot instanceof org.jfree.chart.plot.XYPlot xy) {
      for (int i = 0; i < xy.getDomainAxisCount(); i++) {
        inOneLocale(xy.getDomainAxis(i));
      }
      for (int i = 0; i < xy.getRangeAxisCount(); i++) {
        inOneLocale(xy.getRangeAxis(i));
      }
    }
    if (plot instanceof org.jfree.chart.plot.CategoryPlot category) {
      for (int i = 0; i < category.getRangeAxisCount(); i++) {
        inOneLocale(category.getRangeAxis(i));
      }
    }
  }

  private static void inOneLocale(
      org.jfree.chart.axis.@org.jspecify.annotations.Nullable ValueAxis axis) {
    java.text.DecimalFormat plain =
        new java.text.DecimalFormat(
            "#,##0.####", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
    if (axis instanceof org.jfree.chart.axis.LogAxis log && log.getNumberFormatOverride() == null) {
      log.setNumberFormatOverride(plain);
    } else if (axis instanceof NumberAxis number && number.getNumberFormatOverride() == null) {
      number.setNumberFormatOverride(plain);
    }
  }

  static byte[] png(JFreeChart chart) {
    inOneLocale(chart.getPlot());
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("rendering " + chart.getTitle().getText(), e);
    }
  }
}
