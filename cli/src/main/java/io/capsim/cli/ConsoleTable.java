package io.capsim.cli;

import io.capsim.compute.Metric;
import io.capsim.compute.Pricing;
import io.capsim.experiment.RunResults;
import io.capsim.report.text.DurationUnit;
import io.capsim.scenario.Scenario;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The table {@code capsim run} prints: a row per sweep point and compute, columns as wide as their
 * widest cell (however long the swept values), costs with thousands separators, waits in the unit
 * their size reads best in (s, min or h, the interval in the same unit), and {@code +/-} instead of
 * {@code ±} where the console's charset cannot show it.
 */
final class ConsoleTable {
  private static final String[] HEADERS = {
    "point",
    "compute",
    "swept values",
    "cost, USD (95% CI)",
    "USD/month",
    "USD/job",
    "p95 wait (95% CI)",
    "util"
  };

  /** Text columns are left-aligned, numbers right-aligned. */
  private static final boolean[] NUMERIC = {true, false, false, true, true, true, true, true};

  private final String plusMinus;
  private final double periodHours;
  private final List<String[]> rows = new ArrayList<>();

  /**
   * @param plusMinus separates a mean from its half-width: "±" or, in plain ASCII, "+/-"
   * @param periodHours the hours a cost covers (the horizon less the warm-up)
   */
  ConsoleTable(String plusMinus, double periodHours) {
    this.plusMinus = plusMinus;
    this.periodHours = periodHours;
  }

  static ConsoleTable of(RunResults results, String plusMinus) {
    ConsoleTable table = new ConsoleTable(plusMinus, results.scenario().costPeriodHours());
    for (Scenario.Point point : results.scenario().points()) {
      for (Map.Entry<String, Map<Metric, RunResults.Summary>> row :
          results.summaries(point.index()).entrySet()) {
        table.add(point, row.getKey(), row.getValue());
      }
    }
    return table;
  }

  void add(Scenario.Point point, String compute, Map<Metric, RunResults.Summary> metrics) {
    RunResults.Summary cost = metrics.get(Metric.COST_USD);
    RunResults.Summary jobs = metrics.get(Metric.JOBS_COMPLETED);
    RunResults.Summary utilization = metrics.get(Metric.UTILIZATION);
    rows.add(
        new String[] {
          Integer.toString(point.index()),
          compute,
          String.join(", ", point.values().values()),
          cost == null ? "-" : withInterval("%,.2f", cost.mean(), cost.halfWidth95()),
          cost == null
              ? "-"
              : String.format(
                  Locale.ROOT, "%,.0f", cost.mean() * Pricing.HOURS_PER_MONTH / periodHours),
          cost == null || jobs == null || jobs.mean() == 0
              ? "-"
              : String.format(Locale.ROOT, "%,.2f", cost.mean() / jobs.mean()),
          waitCell(metrics.get(Metric.WAIT_P95_S)),
          utilization == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * utilization.mean())
        });
  }

  void print(PrintWriter out) {
    int[] widths = new int[HEADERS.length];
    for (int c = 0; c < HEADERS.length; c++) {
      widths[c] = HEADERS[c].length();
      for (String[] row : rows) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    line(out, HEADERS, widths);
    rows.forEach(row -> line(out, row, widths));
  }

  private static void line(PrintWriter out, String[] cells, int[] widths) {
    StringBuilder text = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      String pad = " ".repeat(widths[c] - cells[c].length());
      text.append(c == 0 ? "" : "  ").append(NUMERIC[c] ? pad + cells[c] : cells[c] + pad);
    }
    out.println(text.toString().stripTrailing());
  }

  /** A wait in the unit its mean reads best in, the interval in the same unit. */
  private String waitCell(RunResults.@Nullable Summary wait) {
    if (wait == null) {
      return "-";
    }
    DurationUnit unit = DurationUnit.forSeconds(wait.mean());
    String text = unit.number(wait.mean());
    if (!Double.isNaN(wait.halfWidth95())) {
      text += " " + plusMinus + " " + unit.number(wait.halfWidth95());
    }
    return text + " " + unit.symbol();
  }

  /** "1,234.50 ± 3.20", or the mean alone with one replication (no interval). */
  private String withInterval(String format, double mean, double halfWidth) {
    String text = String.format(Locale.ROOT, format, mean);
    if (!Double.isNaN(halfWidth)) {
      text += " " + plusMinus + " " + String.format(Locale.ROOT, format, halfWidth);
    }
    return text;
  }
}
