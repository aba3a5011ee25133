package io.capsim.report.html;

import io.capsim.compute.Metric;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import java.util.List;
import java.util.Locale;

/**
 * "Where the money goes": each point's mean cost split into the waterfall's buckets, summed over
 * its computes, as a table a FinOps reader can copy (the stacked chart shows the same, less
 * exactly).
 */
final class CostBucketTable {
  /** The buckets in the waterfall's order, with the heading each gets. */
  private static final List<Metric> BUCKETS =
      List.of(
          Metric.COST_PRODUCTIVE_USD,
          Metric.COST_PROVISIONING_USD,
          Metric.COST_IDLE_USD,
          Metric.COST_FLOOR_USD,
          Metric.COST_LOST_WORK_USD,
          Metric.COST_STOPPED_USD,
          Metric.COST_LB_USD);

  private static final List<String> HEADINGS =
      List.of(
          "productive",
          "provisioning",
          "idle",
          "floor (min nodes)",
          "lost work",
          "stopped",
          "load balancer");

  private CostBucketTable() {}

  static void render(StringBuilder html, MetricTable table, Recommendation rec) {
    html.append("<h2>Where the money goes</h2><p>Mean cost per point, in USD, by what it paid")
        .append(" for; the buckets add up to the total.</p><table><tr><th>point</th>");
    HEADINGS.forEach(h -> html.append("<th>").append(h).append("</th>"));
    html.append("<th>total</th></tr>\n");
    for (int p = 0; p < table.points(); p++) {
      html.append(p == rec.winner() ? "<tr class=\"winner\">" : "<tr>")
          .append("<td>")
          .append(p)
          .append("</td>");
      for (Metric bucket : BUCKETS) {
        cell(html, table.totalTally(p, bucket).mean());
      }
      cell(html, table.totalTally(p, Metric.COST_USD).mean());
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void cell(StringBuilder html, double usd) {
    html.append("<td class=\"n\">")
        .append(String.format(Locale.ROOT, "%,.2f", usd))
        .append("</td>");
  }
}
