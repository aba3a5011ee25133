package io.capsim.scenario.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A node of a YAML document that remembers where it stands in the file (1-based line, column). */
public sealed interface YamlNode {
  int line();

  int column();

  /** What kind of value this is, for messages: "a map", "a list", "a number"... */
  String describe();

  /**
   * The value in YAML flow style, for display: {@code 4}, {@code {rate: 0.1/h}}, {@code [a, b]}.
   */
  default String flowText() {
    if (this instanceof YamlScalar s) {
      return s.text();
    }
    if (this instanceof YamlList l) {
      return l.items().stream()
          .map(YamlNode::flowText)
          .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
    return ((YamlMap) this)
        .entries().entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue().value().flowText())
            .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
  }

  /** A mapping; its keys keep their own places for "unknown key" messages. */
  record YamlMap(int line, int column, Map<String, Entry> entries) implements YamlNode {
    public record Entry(int keyLine, int keyColumn, YamlNode value) {}

    public YamlMap {
      entries = new LinkedHashMap<>(entries);
    }

    @Override
    public Map<String, Entry> entries() {
      return java.util.Collections.unmodifiableMap(entries);
    }

    /** A copy with {@code key} set to {@code value}, keeping the key's place if it existed. */
    public YamlMap with(String key, YamlNode value) {
      Map<String, Entry> copy = new LinkedHashMap<>(entries);
      Entry old = copy.get(key);
      copy.put(
          key,
          new Entry(
              old == null ? value.line() : old.keyLine(),
              old == null ? value.column() : old.keyColumn(),
              value));
      return new YamlMap(line, column, copy);
    }

    /** A copy without {@code key}. */
    public YamlMap without(String key) {
      Map<String, Entry> copy = new LinkedHashMap<>(entries);
      copy.remove(key);
      return new YamlMap(line, column, copy);
    }

    /**
     * A copy with the value at {@code path} (keys into nested maps) set to {@code value}; a map on
     * the way that is missing, or is not a map, becomes one holding only the path, so that the
     * parser says what else it needs.
     */
    public YamlMap withPath(List<String> path, YamlNode value) {
      String key = path.get(0);
      if (path.size() == 1) {
        return with(key, value);
      }
      Entry old = entries.get(key);
      YamlMap child =
          old != null && old.value() instanceof YamlMap map
              ? map
              : new YamlMap(value.line(), value.column(), Map.of());
      return with(key, child.withPath(path.subList(1, path.size()), value));
    }

    @Override
    public String describe() {
      return "a map";
    }
  }

  record YamlList(int line, int column, List<YamlNode> items) implements YamlNode {
    public YamlList {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A scalar as written; {@code quoted} strings are never numbers or booleans. */
  record YamlScalar(int line, int column, String text, Kind kind) implements YamlNode {
    public enum Kind {
      STRING,
      NUMBER,
      BOOLEAN,
      NULL
    }

    @Override
    public String describe() {
      return kind == Kind.NULL ? "nothing" : "\"" + text + "\"";
    }
  }
}
