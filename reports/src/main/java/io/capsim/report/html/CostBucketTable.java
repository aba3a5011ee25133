package io.capsim.report.html;

import io.capsim.compute.Metric;
import io.capsim.cost.CostBucket;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import java.util.Locale;

/**
 * "Where the money goes": each point's mean cost split into the waterfall's buckets, summed over
 * its computes, as a table a FinOps reader can copy (the stacked chart shows the same, less
 * exactly).
 */
final class CostBucketTable {
  /** The heading of {@code bucket}'s column. */
  private static String heading(CostBucket bucket) {
    return switch (bucket) {
      case FLOOR -> "floor (min nodes)";
      case LB -> "load balancer";
      case PRODUCTIVE, PROVISIONING, IDLE, LOST_WORK, STOPPED -> bucket.key().replace('_', ' ');
    };
  }

  private CostBucketTable() {}

  static void render(StringBuilder html, MetricTable table, Recommendation rec) {
    html.append("<h2>Where the money goes</h2><p>Mean cost per point, in USD, by what it paid")
        .append(" for; the buckets add up to the total.</p><table><tr><th>point</th>");
    for (CostBucket bucket : CostBucket.values()) {
      html.append("<th>").append(heading(bucket)).append("</th>");
    }
    html.append("<th>total</th></tr>\n");
    java.util.List<Integer> shown = PointsTable.rows(table, rec);
    for (int p : shown) {
      html.append(p == rec.winner() ? "<tr class=\"winner\">" : "<tr>")
          .append("<td>")
          .append(p)
          .append("</td>");
      for (CostBucket bucket : CostBucket.values()) {
        cell(html, table.totalTally(p, Metric.costOf(bucket)).mean());
      }
      cell(html, table.totalTally(p, Metric.COST_USD).mean());
      html.append("</tr>\n");
    }
    html.append("</table>\n");
    PointsTable.noteShown(html, shown, table);
  }

  private static void cell(StringBuilder html, double usd) {
    html.append("<td class=\"n\">")
        .append(String.format(Locale.ROOT, "%,.2f", usd))
        .append("</td>");
  }
}
