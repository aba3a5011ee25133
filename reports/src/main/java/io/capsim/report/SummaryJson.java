package io.capsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.capsim.compute.Metric;
import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import io.capsim.experiment.RunResults;
import io.capsim.scenario.Objective;
import io.capsim.scenario.Scenario;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code summary.json}, and what {@code capsim run --format json} prints: every point's swept
 * values and, per compute, each metric's mean and 95 % half-width (null with one replication), and
 * the recommendation, for scripts. Keys keep their order, so the same run gives the same bytes.
 */
public final class SummaryJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  /**
   * The summary of a run: {@code table} is the run's metrics as the recommendation read them (for
   * the conditions' rows).
   */
  public static String of(
      RunResults results, MetricTable table, Recommendation rec, String capsimVersion) {
    Scenario s = results.scenario();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("scenario", s.name());
    root.put("capsim_version", capsimVersion);
    root.put("seed", s.seed());
    root.put("replications", s.replications());
    root.put("period_hours", s.costPeriodHours());
    root.put("points", points(results));
    Map<String, Object> recommendation = recommendation(rec);
    recommendation.put("condition_keys", s.conditionKeys());
    io.capsim.experiment.Sensitivity.of(s, table, rec)
        .ifPresent(sens -> recommendation.put("under_each_condition", conditions(sens)));
    root.put("recommendation", recommendation);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Object> points(RunResults results) {
    List<Object> points = new ArrayList<>();
    for (Scenario.Point point : results.scenario().points()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("point", point.index());
      entry.put("values", point.values());
      Map<String, Object> computes = new LinkedHashMap<>();
      results
          .summaries(point.index())
          .forEach((compute, metrics) -> computes.put(compute, metrics(metrics)));
      entry.put("computes", computes);
      points.add(entry);
    }
    return points;
  }

  private static Map<String, Object> metrics(Map<Metric, RunResults.Summary> metrics) {
    Map<String, Object> out = new LinkedHashMap<>();
    metrics.forEach(
        (metric, summary) -> {
          Map<String, @Nullable Object> value = new LinkedHashMap<>();
          value.put("mean", number(summary.mean()));
          value.put("ci95", number(summary.halfWidth95()));
          out.put(metric.key(), value);
        });
    return out;
  }

  private static Map<String, Object> recommendation(Recommendation rec) {
    Objective o = rec.objective();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("minimize", o.minimize().key());
    out.put("subject_to", o.subjectTo().stream().map(Objective.Constraint::text).toList());
    out.put("feasible", rec.feasible());
    out.put("point", rec.winner());
    out.put("baseline", rec.baseline());
    out.put("meeting_constraints", rec.meetingConstraints());
    out.put("indistinguishable", rec.indistinguishable());
    Map<String, @Nullable Object> savings = new LinkedHashMap<>();
    savings.put("mean", number(rec.savings().mean()));
    savings.put("ci95", number(rec.savings().halfWidth95()));
    out.put("savings_vs_baseline", savings);
    return out;
  }

  private static List<Object> conditions(io.capsim.experiment.Sensitivity sensitivity) {
    List<Object> rows = new ArrayList<>();
    for (io.capsim.experiment.Sensitivity.Row row : sensitivity.rows()) {
      Map<String, @Nullable Object> out = new LinkedHashMap<>();
      out.put("conditions", row.conditions());
      out.put("recommended_point", row.recommended());
      out.put("recommended_meets_constraints", row.recommendedMeets());
      out.put(
          "cheapest_meeting_point", row.cheapest().isPresent() ? row.cheapest().getAsInt() : null);
      rows.add(out);
    }
    return rows;
  }

  /** JSON has no NaN: a value that is not a number (no interval, no runs) is null. */
  private static @Nullable Double number(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
