package io.capsim.scenario;

import io.capsim.compute.InvalidSettingException;
import io.capsim.engine.Simulation;
import io.capsim.scenario.yaml.Problem;
import io.capsim.scenario.yaml.YamlNode;
import io.capsim.scenario.yaml.YamlNode.YamlMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds every sweep point's model once, before anything runs, so that settings a model refuses (a
 * floor the quota cannot hold) and jobs that could never run (wider than the cluster, CUDA too old)
 * are reported with the scenario's other problems, each at its compute's or workload's key.
 */
final class ModelCheck {
  private ModelCheck() {}

  /**
   * @param workloadNodes each workload's map in the file, by name, in file order
   */
  static List<Problem> problems(
      String file, Scenario scenario, Map<String, YamlNode> workloadNodes) {
    List<Problem> problems = new ArrayList<>();
    for (Scenario.Point point : scenario.points()) {
      String where = point.values().isEmpty() ? "" : " (sweep point " + point.values() + ")";
      try {
        Wiring.of(scenario, point, new Simulation(scenario.seed(), 0));
      } catch (InvalidSettingException e) {
        problems.add(located(file, e, owners(e.owner(), point, workloadNodes), where));
      } catch (IllegalArgumentException e) {
        // A rule without a key: the file, not a place in it.
        problems.add(new Problem(file, 0, 0, "", Problem.reason(e) + where));
      }
    }
    return problems;
  }

  /** The computes' or the workloads' maps in the file, by name, with their list's key. */
  private static Owners owners(
      InvalidSettingException.Owner owner,
      Scenario.Point point,
      Map<String, YamlNode> workloadNodes) {
    return switch (owner) {
      case COMPUTE ->
          new Owners(
              "computes",
              point.computes().stream().map(ComputeDef::name).toList(),
              point.computes().stream().map(ComputeDef::node).toList());
      case WORKLOAD ->
          new Owners(
              "workloads",
              List.copyOf(workloadNodes.keySet()),
              List.copyOf(workloadNodes.values()));
    };
  }

  private record Owners(String listKey, List<String> names, List<YamlNode> nodes) {}

  /** Places a refused setting at its owner's key in the file, or at the owner without one. */
  private static Problem located(
      String file, InvalidSettingException e, Owners owners, String where) {
    int index = owners.names().indexOf(e.name());
    if (index < 0) {
      return new Problem(file, 0, 0, "", Problem.reason(e) + where);
    }
    YamlNode owner = owners.nodes().get(index);
    String path = owners.listKey() + "[" + index + "]";
    if (e.key().isEmpty()) {
      return Problem.at(file, owner, path, e.reason() + where);
    }
    YamlNode at = owner;
    if (owner instanceof YamlMap map && map.entries().containsKey(e.key())) {
      at = java.util.Objects.requireNonNull(map.entries().get(e.key())).value();
    }
    return Problem.at(file, at, path + "." + e.key(), e.reason() + where);
  }
}
