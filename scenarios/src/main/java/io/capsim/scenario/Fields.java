package io.capsim.scenario;

import io.capsim.catalog.Suggestions;
import io.capsim.engine.SimTime;
import io.capsim.engine.random.Distribution;
import io.capsim.scenario.yaml.Problem;
import io.capsim.scenario.yaml.Quantities;
import io.capsim.scenario.yaml.YamlNode;
import io.capsim.scenario.yaml.YamlNode.YamlList;
import io.capsim.scenario.yaml.YamlNode.YamlMap;
import io.capsim.scenario.yaml.YamlNode.YamlScalar;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one map of a scenario, key by key, into typed values; every problem goes to the shared list
 * with its place, and {@link #finish()} reports the keys nobody asked for, with "did you mean".
 */
final class Fields {
  private final String file;
  private final String path;
  private final YamlMap map;
  private final List<Problem> problems;
  private final Set<String> known = new LinkedHashSet<>();
  private Optional<TraceContext> traces = Optional.empty();

  Fields(String file, String path, YamlNode node, List<Problem> problems) {
    this.file = file;
    this.path = path;
    this.problems = problems;
    if (node instanceof YamlMap m) {
      this.map = m;
    } else {
      this.map = new YamlMap(node.line(), node.column(), Map.of());
      problems.add(Problem.at(file, node, path, "expected a map, was " + node.describe()));
    }
  }

  YamlMap map() {
    return map;
  }

  String path(String key) {
    return key.isEmpty() ? path : path.isEmpty() ? key : path + "." + key;
  }

  /** The node under {@code key}, marking the key as known. */
  Optional<YamlNode> node(String key) {
    known.add(key);
    YamlMap.Entry entry = map.entries().get(key);
    return entry == null ? Optional.empty() : Optional.of(entry.value());
  }

  boolean has(String key) {
    known.add(key);
    return map.entries().containsKey(key);
  }

  void problem(YamlNode node, String key, String message) {
    problems.add(Problem.at(file, node, path(key), message));
  }

  /** Reports a missing required key at this map. */
  void missing(String key, String expected) {
    problems.add(
        new Problem(file, map.line(), map.column(), path(key), "is required: " + expected));
  }

  Optional<String> string(String key) {
    return node(key)
        .flatMap(
            n -> {
              if (n instanceof YamlScalar s && s.kind() != YamlScalar.Kind.NULL) {
                return Optional.of(s.text());
              }
              problem(n, key, "expected text, was " + n.describe());
              return Optional.empty();
            });
  }

  /**
   * Text the scenario must give; missing or blank, it is refused as required, and the caller gets
   * an empty string to skip the checks that need it.
   */
  String requiredString(String key, String expected) {
    Optional<String> value = string(key);
    if (value.isEmpty() && !has(key)) {
      missing(key, expected);
    }
    if (value.isPresent() && value.get().isBlank()) {
      problem(node(key).orElseThrow(), key, "is required: " + expected + ", was empty");
      return "";
    }
    return value.orElse("");
  }

  Optional<Long> integer(String key, long min, long max) {
    return node(key).flatMap(n -> wholeNumber(n, key, min, max));
  }

  Optional<Long> wholeNumber(YamlNode n, String key, long min, long max) {
    if (n instanceof YamlScalar s && s.kind() == YamlScalar.Kind.NUMBER) {
      try {
        long value = Long.parseLong(s.text());
        if (value < min || value > max) {
          problem(
              n,
              key,
              (max == Long.MAX_VALUE ? "must be >= " + min : "must be " + min + " to " + max)
                  + ", was "
                  + value);
          return Optional.empty();
        }
        return Optional.of(value);
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
    }
    problem(n, key, "expected a whole number, was " + n.describe());
    return Optional.empty();
  }

  Optional<Double> number(String key, double min) {
    return node(key).flatMap(n -> number(n, key, min));
  }

  /** A finite number at least {@code min}, as YAML writes decimals. */
  Optional<Double> number(YamlNode n, String key, double min) {
    if (n instanceof YamlScalar s && s.kind() == YamlScalar.Kind.NUMBER && isDecimal(s.text())) {
      double value = Double.parseDouble(s.text());
      if (!(value >= min) || Double.isInfinite(value)) {
        problem(n, key, "must be >= " + min + ", was " + s.text());
        return Optional.empty();
      }
      return Optional.of(value);
    }
    problem(n, key, "expected a number, was " + n.describe());
    return Optional.empty();
  }

  /**
   * Whether YAML's number is one Java reads as written: YAML also has hexadecimal ({@code 0x10}),
   * octal and sexagesimal numbers, which no capsim key means.
   */
  private static boolean isDecimal(String text) {
    return DECIMAL.matcher(text).matches();
  }

  private static final java.util.regex.Pattern DECIMAL =
      java.util.regex.Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  Optional<Boolean> bool(String key) {
    return node(key)
        .flatMap(
            n -> {
              if (n instanceof YamlScalar s && s.kind() == YamlScalar.Kind.BOOLEAN) {
                return Optional.of(Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT)));
              }
              problem(n, key, "expected true or false, was " + n.describe());
              return Optional.empty();
            });
  }

  /**
   * Whole seconds, as Azure writes them ({@code 120}), or a duration with its unit ({@code 10m}).
   */
  Optional<Long> seconds(String key) {
    return node(key)
        .flatMap(
            n -> {
              if (n instanceof YamlScalar s && s.kind() == YamlScalar.Kind.NUMBER) {
                return wholeNumber(n, key, 0, Long.MAX_VALUE)
                    .filter(
                        seconds ->
                            withinTheLongestRun(
                                n, key, seconds, SimTime.LONGEST_RUN_MICROS / 1_000_000));
              }
              Optional<Long> micros =
                  n instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING
                      ? Quantities.durationMicros(s.text())
                      : Optional.empty();
              if (micros.isPresent()
                  && !withinTheLongestRun(n, key, micros.get(), SimTime.LONGEST_RUN_MICROS)) {
                return Optional.empty();
              }
              if (micros.isEmpty() || micros.get() % SimTime.MICROS_PER_SECOND != 0) {
                problem(
                    n,
                    key,
                    "expected whole seconds, as Azure writes them (120), or a duration such as"
                        + " 10m, was "
                        + n.describe());
                return Optional.empty();
              }
              return Optional.of(micros.get() / SimTime.MICROS_PER_SECOND);
            });
  }

  /** A duration such as {@code 90s}, {@code 15m}, {@code 2h}, {@code 3d} or {@code PT2M}. */
  Optional<Long> durationMicros(String key) {
    return node(key).flatMap(n -> durationMicros(n, key));
  }

  Optional<Long> durationMicros(YamlNode n, String key) {
    if (n instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING) {
      Optional<Long> micros = Quantities.durationMicros(s.text());
      if (micros.isPresent()) {
        return micros.filter(m -> withinTheLongestRun(n, key, m, SimTime.LONGEST_RUN_MICROS));
      }
    }
    problem(n, key, "expected a duration such as 90s, 15m, 2h, 3d or PT2M, was " + n.describe());
    return Optional.empty();
  }

  /**
   * Whether a time fits the engine's clock, which keeps every time within the longest run; says so
   * at the key if not. {@code value} and {@code longest} are in one unit.
   */
  private boolean withinTheLongestRun(YamlNode n, String key, long value, long longest) {
    if (value <= longest) {
      return true;
    }
    problem(
        n,
        key,
        "must be at most "
            + Quantities.formatDuration(SimTime.LONGEST_RUN_MICROS)
            + " (100 years, the longest capsim simulates), was "
            + n.describe());
    return false;
  }

  /** A rate such as {@code 40/day}, {@code 3/h} or {@code 0.5/s}, in events per second. */
  Optional<Double> ratePerSecond(String key) {
    return node(key)
        .flatMap(
            n -> {
              if (n instanceof YamlScalar s && s.kind() == YamlScalar.Kind.STRING) {
                Optional<Double> rate = Quantities.ratePerSecond(s.text());
                if (rate.isPresent() && rate.get() > 0) {
                  return rate;
                }
              }
              problem(n, key, "expected a rate such as 40/day, 3/h or 0.5/s, was " + n.describe());
              return Optional.empty();
            });
  }

  /**
   * The {@code choices} of {@link #choice} from an enum's values, by {@code key}, in their order.
   */
  static <E> Map<String, E> choices(E[] values, Function<E, String> key) {
    Map<String, E> choices = new LinkedHashMap<>();
    for (E value : values) {
      choices.put(key.apply(value), value);
    }
    return choices;
  }

  /** One of {@code choices} (lower-case keys), with "did you mean" when misspelt. */
  <E> Optional<E> choice(String key, Map<String, E> choices) {
    return choice(key, choices, Map.of());
  }

  /**
   * One of {@code choices}, with "did you mean" when misspelt, or the hint {@code hints} gives for
   * a word users reach for that is not one of them (Azure's "spot" for ML's "low_priority").
   */
  <E> Optional<E> choice(String key, Map<String, E> choices, Map<String, String> hints) {
    return string(key)
        .flatMap(
            text -> {
              E value = choices.get(text);
              if (value == null) {
                problem(
                    node(key).orElseThrow(),
                    key,
                    "expected one of "
                        + String.join(", ", choices.keySet())
                        + ", was \""
                        + text
                        + "\""
                        + (hints.containsKey(text)
                            ? "; " + hints.get(text)
                            : Suggestions.didYouMean(text, choices.keySet())));
              }
              return Optional.ofNullable(value);
            });
  }

  /** A distribution in seconds: a bare duration, or {@code {dist: ..., ...}}. */
  Optional<Distribution> distributionSeconds(String key) {
    return node(key).flatMap(n -> Distributions.parse(this, key, n));
  }

  Optional<YamlList> list(String key) {
    return node(key)
        .flatMap(
            n -> {
              if (n instanceof YamlList l) {
                return Optional.of(l);
              }
              problem(n, key, "expected a list, was " + n.describe());
              return Optional.empty();
            });
  }

  /** This map's reader, able to read traces (for empirical distributions drawn from one). */
  Fields withTraces(TraceContext context) {
    traces = Optional.of(context);
    return this;
  }

  Optional<TraceContext> traces() {
    return traces;
  }

  Fields child(String key, YamlNode node) {
    Fields child = new Fields(file, path(key), node, problems);
    child.traces = traces;
    return child;
  }

  String file() {
    return file;
  }

  List<Problem> problems() {
    return problems;
  }

  /** Reports every key of this map that was never asked for. */
  void finish() {
    map.entries()
        .forEach(
            (key, entry) -> {
              if (!known.contains(key)) {
                String suggestion = Suggestions.didYouMean(key, known);
                problems.add(
                    new Problem(
                        file,
                        entry.keyLine(),
                        entry.keyColumn(),
                        path(key),
                        "unknown key"
                            + (suggestion.isEmpty()
                                ? "; known keys: " + String.join(", ", known)
                                : suggestion)));
              }
            });
  }
}
