package io.capsim.scenario;

import io.capsim.catalog.Suggestions;
import io.capsim.scenario.yaml.YamlNode;
import io.capsim.scenario.yaml.YamlNode.YamlList;
import io.capsim.scenario.yaml.YamlNode.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sweep:} a map of {@code owner.key: [values]}, the owner a compute or a workload and the
 * key one of its keys (a dotted path into a nested map, such as {@code jobs.arrivals.rate}); the
 * points are the cartesian product, in the order the keys are written, the last key varying
 * fastest. A scenario without a sweep has one point.
 *
 * @param owners each key's compute or workload
 * @param ofWorkload whether each key's owner is a workload (else a compute)
 * @param settings each key without its owner: the path in the owner's map
 */
record Sweep(
    List<String> keys,
    List<String> owners,
    List<Boolean> ofWorkload,
    List<String> settings,
    List<List<YamlNode>> values) {

  static Sweep parse(Fields scenario, List<YamlMap> computeNodes, List<String> workloadNames) {
    Sweep sweep =
        new Sweep(
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>(),
            new ArrayList<>());
    List<String> computeNames =
        computeNodes.stream().map(n -> ComputeSection.nameOf(n).orElse("")).toList();
    scenario
        .node("sweep")
        .ifPresent(
            node -> {
              Fields f = scenario.child("sweep", node);
              for (String key : f.map().entries().keySet()) {
                sweep.add(f, key, f.node(key).orElseThrow(), computeNames, workloadNames);
              }
              f.finish();
            });
    return sweep;
  }

  private void add(
      Fields f, String key, YamlNode value, List<String> computeNames, List<String> workloadNames) {
    int dot = key.indexOf('.');
    if (dot <= 0 || dot == key.length() - 1) {
      f.problem(
          value,
          key,
          "expected compute.key or workload.key, such as gpu-cluster.max_instances or"
              + " training.instance_count");
      return;
    }
    String owner = key.substring(0, dot);
    String setting = key.substring(dot + 1);
    boolean compute = computeNames.contains(owner);
    boolean workload = workloadNames.contains(owner);
    String problem =
        compute && workload
            ? "\"" + owner + "\" names both a compute and a workload; rename one to sweep it"
            : compute
                ? computeProblem(setting)
                : workload
                    ? workloadProblem(owner, setting)
                    : "no compute or workload is named \""
                        + owner
                        + "\""
                        + Suggestions.didYouMean(
                            owner,
                            java.util.stream.Stream.concat(
                                    computeNames.stream(), workloadNames.stream())
                                .toList());
    if (problem.isEmpty() && !(value instanceof YamlList list && !list.items().isEmpty())) {
      problem = "expected a non-empty list of values, was " + value.describe();
    }
    if (!problem.isEmpty()) {
      f.problem(value, key, problem);
      return;
    }
    keys.add(key);
    owners.add(owner);
    ofWorkload.add(workload);
    settings.add(setting);
    values.add(((YamlList) value).items());
  }

  private static String computeProblem(String setting) {
    return setting.equals("name") || setting.equals("type")
        ? "a compute's name and type cannot be swept"
        : "";
  }

  private static String workloadProblem(String workload, String setting) {
    if (setting.equals("name")) {
      return "a workload's name cannot be swept";
    }
    if (setting.equals("rate") || setting.equals("process")) {
      return "the " + setting + " is a key of arrivals: sweep " + workload + ".arrivals." + setting;
    }
    return "";
  }

  /**
   * The first keys of a compute's settings that describe how Azure behaves rather than what the
   * user sets: sweeping them asks how the answer depends on them.
   */
  private static final Set<String> AZURES_BEHAVIOUR =
      Set.of("preemption", "provisioning_time", "startup_time", "start_time", "scale_down_time");

  /** The first keys of a workload's settings that the user chooses; the rest describe demand. */
  private static final Set<String> WORKLOAD_CHOICES =
      Set.of("compute", "instance_count", "checkpoint_interval", "on_preemption");

  /**
   * The keys that sweep a condition the user does not choose (Azure's behaviour, such as the
   * preemption rate, or the demand, such as a workload's arrival rate): the recommendation holds
   * over all their values rather than choosing one.
   */
  List<String> conditionKeys() {
    List<String> result = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      String first = settings.get(k).split("\\.", -1)[0];
      if (ofWorkload.get(k)
          ? !WORKLOAD_CHOICES.contains(first)
          : AZURES_BEHAVIOUR.contains(first)) {
        result.add(keys.get(k));
      }
    }
    return result;
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

  /** The swept values of combination {@code point}, as written, by key. */
  Map<String, String> values(int point) {
    int[] choice = choice(point);
    Map<String, String> result = new LinkedHashMap<>();
    for (int k = 0; k < keys.size(); k++) {
      result.put(keys.get(k), values.get(k).get(choice[k]).flowText());
    }
    return result;
  }

  /**
   * The nodes to put in place for combination {@code point}, of the computes' keys or the
   * workloads': owner's name, then the key's path, then the value.
   */
  Map<String, Map<String, YamlNode>> overrides(int point, boolean ofWorkloads) {
    int[] choice = choice(point);
    Map<String, Map<String, YamlNode>> result = new LinkedHashMap<>();
    for (int k = 0; k < keys.size(); k++) {
      if (ofWorkload.get(k) == ofWorkloads) {
        result
            .computeIfAbsent(owners.get(k), c -> new LinkedHashMap<>())
            .put(settings.get(k), values.get(k).get(choice[k]));
      }
    }
    return result;
  }

  /**
   * {@code node} with {@code overrides} (a path such as {@code arrivals.rate} to a value) put in.
   */
  static YamlMap apply(YamlMap node, Map<String, YamlNode> overrides) {
    YamlMap result = node;
    for (Map.Entry<String, YamlNode> o : overrides.entrySet()) {
      result = result.withPath(List.of(o.getKey().split("\\.", -1)), o.getValue());
    }
    return result;
  }

  /**
   * The computes that are alternatives of one another: those a swept {@code <workload>.compute}
   * chooses between (with the workload's own). A point holds only the alternatives its workloads
   * use; every other compute is in every point.
   */
  Set<String> alternatives(Map<String, String> computeOfWorkload) {
    Set<String> result = new LinkedHashSet<>();
    for (int k = 0; k < keys.size(); k++) {
      if (ofWorkload.get(k) && settings.get(k).equals("compute")) {
        String base = computeOfWorkload.get(owners.get(k));
        if (base != null) {
          result.add(base);
        }
        values.get(k).forEach(v -> result.add(v.flowText()));
      }
    }
    return result;
  }

  /** The compute whose key {@code key} is, if a compute's. */
  java.util.Optional<String> computeOf(String key) {
    int k = keys.indexOf(key);
    return k >= 0 && !ofWorkload.get(k)
        ? java.util.Optional.of(owners.get(k))
        : java.util.Optional.empty();
  }
}
