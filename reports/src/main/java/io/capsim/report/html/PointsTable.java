package io.capsim.report.html;

import io.capsim.compute.Metric;
import io.capsim.compute.Pricing;
import io.capsim.engine.stat.Tally;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import io.capsim.report.text.DurationUnit;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.yaml.Quantities;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * "Every point": each point's total cost (and per month), its worst compute's p95 wait, its
 * utilisation and whether it meets the constraints; a point of several computes has a row per
 * compute under it, so that alternatives and the parts of a total can be read apart.
 */
final class PointsTable {
  private PointsTable() {}

  /** The most rows the table holds: a page of 50,000 rows helps no one. */
  static final int MOST_ROWS = 1_000;

  /** The points every per-point table of the report shows. */
  static List<Integer> rows(MetricTable table, Recommendation rec) {
    return rec.pointsToShow(table, MOST_ROWS);
  }

  /** Says so under a table when it shows only some of the points. */
  static void noteShown(StringBuilder html, List<Integer> shown, MetricTable table) {
    if (shown.size() < table.points()) {
      html.append(
          String.format(
              Locale.ROOT,
              "<p>%,d of %,d points shown: the recommended, the baseline, those as good as it and"
                  + " the cheapest. summary.csv has every one.</p>\n",
              shown.size(),
              table.points()));
    }
  }

  static void render(StringBuilder html, Scenario s, MetricTable table, Recommendation rec) {
    boolean waits = table.metrics().contains(Metric.WAIT_P95_S);
    html.append("<h2>Every point</h2><p>Costs cover ")
        .append(Quantities.formatDuration(s.costPeriodMicros()))
        .append(", the horizon less the warm-up; per month is that cost scaled to 730 hours.")
        .append(" A point of several computes shows each under its total.</p>")
        .append("<table><tr><th>point</th><th>swept values</th><th>compute</th>")
        .append("<th>cost, USD</th><th>per month (730 h), USD</th>")
        .append(waits ? "<th>p95 wait (worst compute)</th>" : "")
        .append("<th>utilisation</th><th>meets constraints</th></tr>\n");
    java.util.BitSet meets = rec.meeting();
    List<Integer> shown = rows(table, rec);
    for (int p : shown) {
      List<String> computes = table.computes(p);
      html.append(p == rec.winner() ? "<tr class=\"winner\">" : "<tr>")
          .append("<td>")
          .append(p)
          .append("</td><td>")
          .append(HtmlReport.esc(s.points().get(p).describe()))
          .append("</td><td>")
          .append(HtmlReport.esc(computes.size() == 1 ? computes.get(0) : "all"))
          .append("</td>");
      Tally utilization = new Tally();
      for (String compute : computes) {
        utilization.record(table.tally(p, compute, Metric.UTILIZATION).mean());
      }
      cells(
          html,
          s,
          table.totalTally(p, Metric.COST_USD),
          waits ? worstWait(table, p) : null,
          utilization.mean());
      html.append("<td>").append(meets.get(p) ? "yes" : "no").append("</td></tr>\n");
      if (computes.size() > 1) {
        for (String compute : computes) {
          html.append("<tr class=\"part\"><td></td><td></td><td>")
              .append(HtmlReport.esc(compute))
              .append("</td>");
          cells(
              html,
              s,
              table.tally(p, compute, Metric.COST_USD),
              waits ? table.tally(p, compute, Metric.WAIT_P95_S) : null,
              table.tally(p, compute, Metric.UTILIZATION).mean());
          html.append("<td></td></tr>\n");
        }
      }
    }
    html.append("</table>\n");
    noteShown(html, shown, table);
  }

  private static Tally worstWait(MetricTable table, int point) {
    Tally worst = new Tally();
    for (String compute : table.computes(point)) {
      Tally wait = table.tally(point, compute, Metric.WAIT_P95_S);
      if (worst.count() == 0 || wait.mean() > worst.mean()) {
        worst = wait;
      }
    }
    return worst;
  }

  private static void cells(
      StringBuilder html, Scenario s, Tally cost, @Nullable Tally wait, double utilization) {
    html.append("<td class=\"n\">")
        .append(String.format(Locale.ROOT, "%,.2f", cost.mean()))
        .append(HtmlReport.plusMinus("%,.2f", cost.halfWidth95()))
        .append("</td><td class=\"n\">")
        .append(
            String.format(
                Locale.ROOT, "%,.0f", cost.mean() * Pricing.HOURS_PER_MONTH / s.costPeriodHours()))
        .append("</td>");
    if (wait != null) {
      html.append("<td class=\"n\">");
      if (!Double.isNaN(wait.mean())) {
        DurationUnit unit = DurationUnit.forSeconds(wait.mean());
        html.append(unit.number(wait.mean()))
            .append(Double.isNaN(wait.halfWidth95()) ? "" : " ± " + unit.number(wait.halfWidth95()))
            .append(' ')
            .append(unit.symbol());
      }
      html.append("</td>");
    }
    html.append("<td class=\"n\">")
        .append(String.format(Locale.ROOT, "%.1f %%", 100 * utilization))
        .append("</td>");
  }
}
