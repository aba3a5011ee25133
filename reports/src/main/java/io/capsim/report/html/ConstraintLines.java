package io.capsim.report.html;

import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import io.capsim.report.text.DurationUnit;
import io.capsim.scenario.Objective;
import java.util.Locale;

/**
 * The answer's constrained metrics against their limits, in the limit's own unit: "p95 wait 7.4
 * min, 95 % upper bound 7.5 min, within 10.0 min", for the compute that decides each constraint
 * (the one whose bound is worst), as {@link Recommendation} judged it.
 */
final class ConstraintLines {
  private ConstraintLines() {}

  static void render(StringBuilder html, MetricTable table, Recommendation rec) {
    if (rec.objective().subjectTo().isEmpty()) {
      return;
    }
    html.append("<ul class=\"constraints\">");
    for (Objective.Constraint c : rec.objective().subjectTo()) {
      Recommendation.Bound bound = Recommendation.worstBound(table, rec.winner(), c);
      boolean interval = bound.value() != bound.mean();
      html.append("<li><code>")
          .append(HtmlReport.esc(c.text()))
          .append("</code>: ")
          .append(HtmlReport.esc(bound.compute()))
          .append(' ')
          .append(amount(c, bound.mean()))
          .append(
              interval
                  ? ", 95 % "
                      + (bound.upper() ? "upper" : "lower")
                      + " bound "
                      + amount(c, bound.value())
                  : "")
          .append(c.holds(bound.value()) ? ", within " : ", <b>not within</b> ")
          .append(amount(c, c.value()))
          .append("</li>");
    }
    html.append("</ul>");
  }

  /** A value of {@code c}'s metric, in the unit its limit reads best in when it is a time. */
  private static String amount(Objective.Constraint c, double value) {
    if (c.metric().inSeconds()) {
      return DurationUnit.forSeconds(c.value()).format(value);
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }
}
