package io.capsim.report.html;

import io.capsim.compute.Metric;
import io.capsim.engine.stat.Tally;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import io.capsim.experiment.Sensitivity;
import io.capsim.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * "How the answer depends on the conditions": when the sweep varies something the user does not
 * choose (a preemption rate, an arrival rate), the recommendation is not one of its values but a
 * choice that holds under all of them; this table shows it under each, beside the point that would
 * have been cheapest had the condition been known.
 */
final class ConditionsTable {
  private ConditionsTable() {}

  static void render(
      StringBuilder html, Scenario s, MetricTable table, Recommendation rec, Sensitivity sens) {
    Metric metric = rec.objective().minimize();
    html.append("<h2>How the answer depends on ")
        .append(HtmlReport.esc(String.join(", ", s.conditionKeys())))
        .append("</h2><p>These keys describe conditions you do not choose (how Azure behaves, or")
        .append(" your demand), so capsim does not recommend one of their values: the")
        .append(" recommendation is the choice that meets the constraints under every one of them,")
        .append(" at the lowest mean ")
        .append(HtmlReport.esc(metric.key()))
        .append(" over them. Under each condition:</p><table><tr><th>condition</th>")
        .append("<th>recommended choice: point, ")
        .append(HtmlReport.esc(metric.key()))
        .append("</th><th>meets constraints</th><th>cheapest point meeting them there</th></tr>\n");
    for (Sensitivity.Row row : sens.rows()) {
      html.append("<tr><td>")
          .append(HtmlReport.esc(Scenario.Point.describe(row.conditions())))
          .append("</td><td class=\"n\">")
          .append(row.recommended())
          .append(": ")
          .append(cost(table, row.recommended(), metric))
          .append("</td><td>")
          .append(row.recommendedMeets() ? "yes" : "no")
          .append("</td><td>");
      if (row.cheapest().isPresent()) {
        int p = row.cheapest().getAsInt();
        html.append(p == row.recommended() ? "the same, point " : "point ")
            .append(p)
            .append(": ")
            .append(HtmlReport.esc(choice(s, p)))
            .append(", ")
            .append(cost(table, p, metric));
      } else {
        html.append("none");
      }
      html.append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static String cost(MetricTable table, int point, Metric metric) {
    Tally t = table.totalTally(point, metric);
    return HtmlReport.fmt(metric, t.mean())
        + (Double.isNaN(t.halfWidth95()) ? "" : " ± " + HtmlReport.fmt(metric, t.halfWidth95()));
  }

  /** The point's swept values less the conditions, which the row already names. */
  private static String choice(Scenario s, int point) {
    Map<String, String> choice = new LinkedHashMap<>(s.points().get(point).values());
    s.conditionKeys().forEach(choice::remove);
    return choice.values().stream().allMatch(Scenario.Point.NOT_APPLICABLE::equals)
        ? ""
        : Scenario.Point.describe(choice);
  }
}
