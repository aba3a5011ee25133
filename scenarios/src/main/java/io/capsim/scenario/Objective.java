package io.capsim.scenario;

import io.capsim.compute.Metric;
import java.util.List;

/** What a sweep looks for: the metric to minimise and the constraints a point must meet. */
public record Objective(Metric minimize, List<Constraint> subjectTo) {
  public Objective {
    subjectTo = List.copyOf(subjectTo);
  }

  /** {@code metric op value}, e.g. {@code wait_p95 <= 15m} (seconds for durations). */
  public record Constraint(Metric metric, String operator, double value, String text) {
    public boolean holds(double actual) {
      return switch (operator) {
        case "<=" -> actual <= value;
        case "<" -> actual < value;
        case ">=" -> actual >= value;
        default -> actual > value;
      };
    }
  }
}
