package io.capsim.scenario;

import io.capsim.engine.SimTime;
import io.capsim.engine.random.Distribution;
import io.capsim.scenario.yaml.Problem;
import io.capsim.scenario.yaml.YamlNode;
import io.capsim.scenario.yaml.YamlNode.YamlList;
import io.capsim.scenario.yaml.YamlNode.YamlScalar;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.Trace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Distributions of durations as scenarios write them: a bare duration is a fixed value; otherwise
 * {@code {dist: constant, value}}, {@code {dist: exponential, mean}}, {@code {dist: lognormal,
 * median, p95}}, {@code {dist: gamma, mean, cv}}, {@code {dist: weibull, shape, scale}}, {@code
 * {dist: uniform, min, max}} or {@code {dist: empirical, samples}}; values in seconds.
 */
final class Distributions {
  private static final Map<String, String> KINDS = new LinkedHashMap<>();

  static {
    for (String kind :
        new String[] {
          "constant", "exponential", "lognormal", "gamma", "weibull", "uniform", "empirical"
        }) {
      KINDS.put(kind, kind);
    }
  }

  private Distributions() {}

  static Optional<Distribution> parse(Fields parent, String key, YamlNode node) {
    if (node instanceof YamlScalar) {
      return parent.durationMicros(node, key).map(micros -> Distribution.constant(seconds(micros)));
    }
    Fields f = parent.child(key, node);
    Optional<String> kind = f.choice("dist", KINDS);
    if (kind.isEmpty()) {
      if (!f.has("dist")) {
        f.missing("dist", "one of " + String.join(", ", KINDS.keySet()));
      }
      return Optional.empty();
    }
    Optional<Distribution> result = build(f, kind.get());
    f.finish();
    return result;
  }

  private static Optional<Distribution> build(Fields f, String kind) {
    try {
      return switch (kind) {
        case "constant" -> seconds(f, "value").map(Distribution::constant);
        case "exponential" -> seconds(f, "mean").map(Distribution::exponential);
        case "lognormal" ->
            both(seconds(f, "median"), seconds(f, "p95"))
                .map(p -> Distribution.lognormal(p[0], p[1]));
        case "gamma" ->
            both(seconds(f, "mean"), required(f, "cv", f.number("cv", 0)))
                .map(p -> Distribution.gamma(p[0], p[1]));
        case "weibull" ->
            both(required(f, "shape", f.number("shape", 0)), seconds(f, "scale"))
                .map(p -> Distribution.weibull(p[0], p[1]));
        case "uniform" ->
            both(seconds(f, "min"), seconds(f, "max")).map(p -> Distribution.uniform(p[0], p[1]));
        default -> empirical(f);
      };
    } catch (IllegalArgumentException e) {
      f.problem(f.map(), "", Problem.reason(e));
      return Optional.empty();
    }
  }

  private static Optional<Distribution> empirical(Fields f) {
    if (f.has("from")) {
      if (f.has("samples")) {
        f.problem(f.map(), "", "give samples or from, not both");
        return Optional.empty();
      }
      Fields trace = f.child("from", f.node("from").orElseThrow());
      Optional<ArrivalProcess> read = f.traces().flatMap(t -> t.read(trace, ""));
      trace.finish();
      return read.map(a -> ((Trace) a).durations());
    }
    Optional<YamlList> list = f.list("samples");
    if (list.isEmpty()) {
      if (!f.has("samples")) {
        f.missing("samples", "a list of durations");
      }
      return Optional.empty();
    }
    double[] samples = new double[list.get().items().size()];
    boolean ok = samples.length > 0;
    for (int i = 0; i < samples.length; i++) {
      Optional<Long> micros = f.durationMicros(list.get().items().get(i), "samples[" + i + "]");
      ok &= micros.isPresent();
      samples[i] = micros.map(Distributions::seconds).orElse(0.0);
    }
    if (samples.length == 0) {
      f.problem(list.get(), "samples", "must not be empty");
    }
    return ok ? Optional.of(Distribution.empirical(samples)) : Optional.empty();
  }

  private static Optional<Double> seconds(Fields f, String key) {
    return required(f, key, f.durationMicros(key).map(Distributions::seconds));
  }

  private static <T> Optional<T> required(Fields f, String key, Optional<T> value) {
    if (value.isEmpty() && !f.has(key)) {
      f.missing(key, "a value");
    }
    return value;
  }

  private static Optional<double[]> both(Optional<Double> a, Optional<Double> b) {
    return a.isPresent() && b.isPresent()
        ? Optional.of(new double[] {a.get(), b.get()})
        : Optional.empty();
  }

  static double seconds(long micros) {
    return micros / (double) SimTime.MICROS_PER_SECOND;
  }
}
