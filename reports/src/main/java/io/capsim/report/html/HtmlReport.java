package io.capsim.report.html;

import io.capsim.compute.Metric;
import io.capsim.engine.stat.Tally;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import io.capsim.scenario.Objective;
import io.capsim.scenario.Scenario;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One self-contained HTML file: inline CSS, charts embedded as data URIs, no request leaves the
 * page. It states the question, the answer and its savings, every point, the charts, every
 * assumption of the run and how to reproduce it.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * The inputs the page shows besides the results.
   *
   * @param recommendationYaml the recommended computes as Azure ML compute YAML, shown in the
   *     answer as {@code recommendation.yaml} holds it
   */
  public record Provenance(
      String version,
      String scenarioSha256,
      String command,
      String resolvedYaml,
      String recommendationYaml) {}

  public static String render(
      Scenario scenario,
      MetricTable table,
      Recommendation rec,
      Map<String, byte[]> chartsByTitle,
      Provenance provenance) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>capsim: ")
        .append(esc(scenario.name()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>\n");
    html.append("<h1>").append(esc(scenario.name())).append("</h1>\n");
    question(html, scenario, rec.objective());
    answer(html, scenario, table, rec, provenance);
    io.capsim.experiment.Sensitivity.of(scenario, table, rec)
        .ifPresent(sens -> ConditionsTable.render(html, scenario, table, rec, sens));
    PointsTable.render(html, scenario, table, rec);
    CostBucketTable.render(html, table, rec);
    UnitCostTable.render(html, scenario, table, rec);
    html.append("<h2>Charts</h2>\n");
    chartsByTitle.forEach(
        (title, png) ->
            html.append("<figure><img alt=\"")
                .append(esc(title))
                .append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png))
                .append("\"><figcaption>")
                .append(esc(title))
                .append("</figcaption></figure>\n"));
    assumptions(html, scenario, provenance);
    html.append(SCRIPT).append("</body></html>\n");
    return html.toString();
  }

  private static void question(StringBuilder html, Scenario s, Objective o) {
    html.append("<h2>The question</h2><p>Which configuration gives the lowest <b>")
        .append(esc(o.minimize().key()))
        .append("</b>")
        .append(
            o.subjectTo().isEmpty()
                ? ""
                : " while "
                    + o.subjectTo().stream()
                        .map(c -> "<code>" + esc(c.text()) + "</code>")
                        .collect(Collectors.joining(" and ")))
        .append(", over ")
        .append(s.points().size())
        .append(" sweep points (")
        .append(s.sweepKeys().isEmpty() ? "no sweep" : esc(String.join(", ", s.sweepKeys())))
        .append(") with ")
        .append(s.replications())
        .append(" replications each, in ")
        .append(esc(s.region()))
        .append("?</p>\n");
    if (s.replications() == 1) {
      html.append("<p><b>One replication:</b> every number below is that one run's, with no")
          .append(" confidence interval, and the constraints are judged on those values as they")
          .append(" are. Run more replications to see how much they vary.</p>\n");
    }
  }

  private static void answer(
      StringBuilder html,
      Scenario s,
      MetricTable table,
      Recommendation rec,
      Provenance provenance) {
    Metric metric = rec.objective().minimize();
    Tally winner = table.totalTally(rec.winner(), metric);
    html.append("<h2>The answer</h2><div class=\"answer\"><p>")
        .append(
            rec.feasible()
                ? "Recommended"
                : "<b>No point meets the constraints</b> at the 95 %"
                    + " upper bound; the closest is")
        .append(": <b>point ")
        .append(rec.winner())
        .append("</b> ")
        .append(esc(s.points().get(rec.winner()).describe()))
        .append(", ")
        .append(esc(metric.key()))
        .append(" ")
        .append(fmt(metric, winner.mean()))
        .append(
            hasInterval(winner)
                ? " ± " + fmt(metric, winner.halfWidth95()) + " (95 % CI).</p>"
                : " (one run, no confidence interval).</p>");
    ConstraintLines.render(html, table, rec);
    html.append("<details open><summary>Its settings as Azure ML compute YAML")
        .append(" (<code>recommendation.yaml</code>; <code>az ml compute create --file</code>)")
        .append("</summary><pre>")
        .append(esc(provenance.recommendationYaml()))
        .append("</pre></details>");
    if (!s.conditionKeys().isEmpty()) {
      html.append("<p>")
          .append(rec.feasible() ? "It meets the constraints under every " : "Judged under every ")
          .append(esc(String.join(", ", s.conditionKeys())))
          .append(" swept; the next section shows it under each.</p>");
    }
    if (rec.winner() != rec.baseline()) {
      double saved = rec.savings().mean();
      html.append("<p>Against the baseline, point ")
          .append(rec.baseline())
          .append(' ')
          .append(esc(s.points().get(rec.baseline()).describe()))
          .append(
              rec.meetingConstraints().contains(rec.baseline())
                  ? ""
                  : " (which misses the constraints)")
          .append(": ")
          .append(fmt(metric, Math.abs(saved)))
          .append(
              hasInterval(rec.savings()) ? " ± " + fmt(metric, rec.savings().halfWidth95()) : "")
          .append(saved >= 0 ? " less" : " more")
          .append(
              rec.savingsPercent(s, table)
                  .map(p -> String.format(Locale.ROOT, " (%.1f %%)", Math.abs(p)))
                  .orElse(""))
          .append(
              hasInterval(rec.savings())
                  ? ", paired over the replications.</p>"
                  : ", in the one run.</p>");
    } else {
      html.append("<p>The recommendation is the baseline (point ")
          .append(rec.baseline())
          .append(").</p>");
    }
    if (!rec.feasible()) {
      // Nothing meets the constraints, so no point is "as good" as the closest: say only that.
      html.append("</div>\n");
      return;
    }
    html.append("<p>")
        .append(
            rec.indistinguishable().isEmpty()
                ? "No other point that meets the constraints is within statistical noise of it."
                : "Statistically indistinguishable from it (paired 95 % interval of the difference"
                    + " contains 0): points "
                    + rec.indistinguishable()
                    + ".")
        .append("</p></div>\n");
  }

  private static void assumptions(StringBuilder html, Scenario scenario, Provenance provenance) {
    html.append("<h2>Assumptions</h2>");
    if (!scenario.notes().isEmpty()) {
      html.append("<ul class=\"notes\">");
      scenario.notes().forEach(n -> html.append("<li>").append(esc(n)).append("</li>"));
      html.append("</ul>");
    }
    html.append("<p>Prices: ")
        .append(esc(scenario.catalog().source()))
        .append(". Every setting of the run, defaults included (provisioning and start-up times,")
        .append(" idle timeouts, schedules, arrivals, durations):</p><pre>")
        .append(esc(provenance.resolvedYaml()))
        .append("</pre>\n")
        .append("<h2>Reproduce it</h2><p>capsim ")
        .append(esc(provenance.version()))
        .append("; resolved scenario SHA-256 <code>")
        .append(esc(provenance.scenarioSha256()))
        .append("</code>; command: <code>")
        .append(esc(provenance.command()))
        .append("</code>. The same scenario and seed give the same numbers on any machine and")
        .append(" with any thread count.</p>\n");
  }

  static String fmt(Metric metric, double value) {
    if (metric.key().endsWith("_usd")) {
      return String.format(Locale.ROOT, "$%,.2f", value);
    }
    if (metric.inSeconds()) {
      return String.format(Locale.ROOT, "%,.0f s", value);
    }
    return String.format(Locale.ROOT, "%,.3f", value);
  }

  /** False with one replication, where a tally has no confidence interval. */
  private static boolean hasInterval(Tally tally) {
    return !Double.isNaN(tally.halfWidth95());
  }

  static String plusMinus(String format, double halfWidth) {
    return Double.isNaN(halfWidth) ? "" : " ± " + String.format(Locale.ROOT, format, halfWidth);
  }

  static String esc(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static final String CSS =
      "body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;"
          + "max-width:1320px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}"
          + "h1{margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.6em}"
          + "table{border-collapse:collapse;width:100%;font-size:.95em}"
          + "th,td{border:1px solid #ddd;padding:.35em .6em;text-align:left}"
          + "td.n{text-align:right;font-variant-numeric:tabular-nums}tr.winner{background:#e6f4ea}"
          + "tr.part td{color:#555;font-size:.92em;border-top-style:dotted}"
          + ".answer{background:#f4f8fc;border-left:4px solid #2166ac;padding:.2em 1em}"
          + "figure{margin:1em 0}figure img{width:100%;max-width:1280px;height:auto;"
          + "border:1px solid #eee}pre{background:#f7f7f7;padding:1em;overflow:auto;"
          + "font-size:.85em;max-height:40em}";

  /** Marks the body once every chart has loaded, for people's tools and the browser test. */
  private static final String SCRIPT =
      "<script>window.addEventListener('load',function(){"
          + "var ok=document.images.length>0;for(var i=0;i<document.images.length;i++){"
          + "var im=document.images[i];if(!im.complete||im.naturalWidth===0){ok=false;}}"
          + "document.body.setAttribute('data-charts-loaded',ok?'true':'false');});</script>\n";
}
