package io.capsim.scenario;

import io.capsim.catalog.Suggestions;
import io.capsim.scenario.yaml.YamlNode;
import io.capsim.scenario.yaml.YamlNode.YamlList;
import io.capsim.scenario.yaml.YamlNode.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sweep:} a map of {@code compute.key: [values]}; the points are the cartesian product, in
 * the order the keys are written, the last key varying fastest. A scenario without a sweep has one
 * point.
 */
record Sweep(
    List<String> keys, List<String> computes, List<String> settings, List<List<YamlNode>> values) {

  static Sweep parse(Fields scenario, List<YamlMap> computeNodes, List<String> workloadNames) {
    List<String> keys = new ArrayList<>();
    List<String> computes = new ArrayList<>();
    List<String> settings = new ArrayList<>();
    List<List<YamlNode>> values = new ArrayList<>();
    scenario
        .node("sweep")
        .ifPresent(
            node -> {
              Fields f = scenario.child("sweep", node);
              List<String> names =
                  computeNodes.stream().map(n -> ComputeSection.nameOf(n).orElse("")).toList();
              for (String key : f.map().entries().keySet()) {
                YamlNode value = f.node(key).orElseThrow();
                int dot = key.indexOf('.');
                if (dot <= 0 || dot == key.length() - 1) {
                  f.problem(value, key, "expected compute.key, such as gpu-cluster.max_instances");
                  continue;
                }
                String compute = key.substring(0, dot);
                if (!names.contains(compute) && workloadNames.contains(compute)) {
                  f.problem(
                      value,
                      key,
                      "\""
                          + compute
                          + "\" is a workload; only a compute's keys can be swept so far"
                          + " (such as "
                          + (names.isEmpty() ? "gpu-cluster" : names.get(0))
                          + ".max_instances)");
                  continue;
                }
                if (!names.contains(compute)) {
                  f.problem(
                      value,
                      key,
                      "no compute is named \""
                          + compute
                          + "\""
                          + Suggestions.didYouMean(compute, names));
                  continue;
                }
                if (!(value instanceof YamlList list) || list.items().isEmpty()) {
                  f.problem(
                      value, key, "expected a non-empty list of values, was " + value.describe());
                  continue;
                }
                if (key.endsWith(".name") || key.endsWith(".type")) {
                  f.problem(value, key, "a compute's name and type cannot be swept");
                  continue;
                }
                keys.add(key);
                computes.add(compute);
                settings.add(key.substring(dot + 1));
                values.add(list.items());
              }
              f.finish();
            });
    return new Sweep(keys, computes, settings, values);
  }

  int pointCount() {
    int count = 1;
    for (List<YamlNode> v : values) {
      count = Math.multiplyExact(count, v.size());
    }
    return count;
  }

  private int[] choice(int point) {
    int[] choice = new int[values.size()];
    for (int k = values.size() - 1; k >= 0; k--) {
      choice[k] = point % values.get(k).size();
      point /= values.get(k).size();
    }
    return choice;
  }

  /** The swept values of point {@code point}, as written, by key. */
  Map<String, String> values(int point) {
    int[] choice = choice(point);
    Map<String, String> result = new LinkedHashMap<>();
    for (int k = 0; k < keys.size(); k++) {
      YamlNode node = values.get(k).get(choice[k]);
      result.put(keys.get(k), node.flowText());
    }
    return result;
  }

  /** The nodes to put in place for point {@code point}: compute name, then key, then value. */
  Map<String, Map<String, YamlNode>> overrides(int point) {
    int[] choice = choice(point);
    Map<String, Map<String, YamlNode>> result = new LinkedHashMap<>();
    for (int k = 0; k < keys.size(); k++) {
      result
          .computeIfAbsent(computes.get(k), c -> new LinkedHashMap<>())
          .put(settings.get(k), values.get(k).get(choice[k]));
    }
    return result;
  }
}
