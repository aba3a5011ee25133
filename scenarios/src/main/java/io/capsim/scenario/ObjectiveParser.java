package io.capsim.scenario;

import io.capsim.catalog.Suggestions;
import io.capsim.compute.Metric;
import io.capsim.scenario.yaml.Quantities;
import io.capsim.scenario.yaml.YamlNode;
import io.capsim.scenario.yaml.YamlNode.YamlList;
import io.capsim.scenario.yaml.YamlNode.YamlScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code objective: {minimize: cost_usd, subject_to: ["wait_p95 <= 15m"]}}. */
final class ObjectiveParser {
  private static final Pattern CONSTRAINT =
      Pattern.compile("\\s*([a-z0-9_]+)\\s*(<=|>=|<|>)\\s*(\\S+)\\s*");
  private static final List<String> METRICS =
      Arrays.stream(Metric.values()).map(Metric::key).toList();

  private ObjectiveParser() {}

  static Optional<Objective> parse(Fields f) {
    Optional<Metric> minimize =
        f.string("minimize")
            .flatMap(m -> metric(f, "minimize", m, f.node("minimize").orElseThrow()));
    if (!f.has("minimize")) {
      f.missing("minimize", "a metric such as cost_usd");
    }
    List<Objective.Constraint> constraints = new ArrayList<>();
    f.list("subject_to").ifPresent(list -> constraints(f, list, constraints));
    f.finish();
    return minimize.map(m -> new Objective(m, constraints));
  }

  private static void constraints(Fields f, YamlList list, List<Objective.Constraint> out) {
    for (int i = 0; i < list.items().size(); i++) {
      YamlNode item = list.items().get(i);
      String key = "subject_to[" + i + "]";
      Matcher m = item instanceof YamlScalar s ? CONSTRAINT.matcher(s.text()) : null;
      if (m == null || !m.matches()) {
        f.problem(
            item,
            key,
            "expected \"metric <= value\", such as \"wait_p95 <= 15m\", was " + item.describe());
        continue;
      }
      Optional<Metric> metric = metric(f, key, m.group(1), item);
      Optional<Double> value = metric.flatMap(mt -> value(f, key, mt, m.group(3), item));
      if (metric.isPresent() && value.isPresent()) {
        out.add(
            new Objective.Constraint(
                metric.get(), m.group(2), value.get(), ((YamlScalar) item).text().trim()));
      }
    }
  }

  private static Optional<Metric> metric(Fields f, String key, String name, YamlNode node) {
    Optional<Metric> metric = Metric.byKey(name);
    if (metric.isEmpty()) {
      f.problem(
          node, key, "unknown metric \"" + name + "\"" + Suggestions.didYouMean(name, METRICS));
    }
    return metric;
  }

  private static Optional<Double> value(
      Fields f, String key, Metric metric, String text, YamlNode node) {
    if (metric.inSeconds()) {
      Optional<Long> micros = Quantities.durationMicros(text);
      if (micros.isPresent()) {
        return Optional.of(micros.get() / 1e6);
      }
    }
    try {
      return Optional.of(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      f.problem(
          node,
          key,
          "expected a "
              + (metric.inSeconds() ? "duration or " : "")
              + "number after the comparison, was \""
              + text
              + "\"");
      return Optional.empty();
    }
  }
}
