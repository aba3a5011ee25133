package io.capsim.report.html;

import io.capsim.compute.Metric;
import io.capsim.compute.Pricing;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import io.capsim.scenario.ComputeDef;
import io.capsim.scenario.Scenario;
import java.util.Locale;

/**
 * "What a unit costs": for each point and compute, the size and tier, the price of one node-hour,
 * and what the run paid per completed job and, on GPU sizes, per GPU-hour of work (waste included:
 * the whole cost over the GPU-hours jobs kept busy), the figures a FinOps reader compares with a
 * quote.
 */
final class UnitCostTable {
  private UnitCostTable() {}

  static void render(StringBuilder html, Scenario s, MetricTable table, Recommendation rec) {
    Pricing pricing = s.pricing();
    boolean jobs = table.metrics().contains(Metric.JOBS_COMPLETED);
    boolean gpus = s.computes().stream().anyMatch(def -> s.catalog().size(def.size()).gpus() > 0);
    html.append(
            "<h2>What a unit costs</h2><p>The price of a node-hour of each size at its tier in ")
        .append(HtmlReport.esc(s.region()))
        .append(jobs ? "; the mean cost per completed job" : "")
        .append(
            gpus
                ? "; on GPU sizes, the cost per GPU-hour of work: the whole cost over the GPU-hours"
                    + " jobs kept busy, so idle and provisioning time raise it"
                : "")
        .append(".</p><table><tr><th>point</th><th>compute</th><th>size, tier</th>")
        .append("<th>node-hour, USD</th>")
        .append(jobs ? "<th>per job, USD</th>" : "")
        .append(gpus ? "<th>per GPU-hour of work, USD</th>" : "")
        .append("</tr>\n");
    java.util.List<Integer> shown = PointsTable.rows(table, rec);
    for (int p : shown) {
      for (ComputeDef def : s.points().get(p).computes()) {
        html.append(p == rec.winner() ? "<tr class=\"winner\">" : "<tr>")
            .append("<td>")
            .append(p)
            .append("</td><td>")
            .append(HtmlReport.esc(def.name()))
            .append("</td><td>")
            .append(HtmlReport.esc(def.size() + ", " + def.tier().key()))
            .append("</td>");
        cell(html, pricing.nodePerHourUsd(def.size(), def.tier()), "%,.4f");
        double cost = table.tally(p, def.name(), Metric.COST_USD).mean();
        if (jobs) {
          cell(html, cost / table.tally(p, def.name(), Metric.JOBS_COMPLETED).mean(), "%,.2f");
        }
        if (gpus) {
          double perNode = s.catalog().size(def.size()).gpus();
          double gpuHours = perNode * table.tally(p, def.name(), Metric.BUSY_NODE_HOURS).mean();
          cell(html, perNode > 0 ? cost / gpuHours : Double.NaN, "%,.2f");
        }
        html.append("</tr>\n");
      }
    }
    html.append("</table>\n");
    PointsTable.noteShown(html, shown, table);
  }

  /** A number, or empty where it has no meaning (no jobs completed, no GPUs). */
  private static void cell(StringBuilder html, double value, String format) {
    html.append("<td class=\"n\">")
        .append(Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "")
        .append("</td>");
  }
}
