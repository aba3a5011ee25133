package io.capsim.scenario;

import io.capsim.scenario.yaml.Problem;
import io.capsim.scenario.yaml.ScenarioException;
import io.capsim.scenario.yaml.YamlNode;
import io.capsim.scenario.yaml.YamlNode.YamlList;
import io.capsim.scenario.yaml.YamlNode.YamlMap;
import io.capsim.scenario.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code computes: [{from: my-cluster.yml, ...}]}: the file {@code az ml compute create --file}
 * takes, read as a compute of the scenario. Azure's keys that change neither cost nor capacity are
 * left out and listed in a note; Azure's schedule shape ({@code schedules: {compute_start_stop:
 * [{action, trigger: {type: cron, expression, time_zone}}]}}) and its Windows time-zone names are
 * taken as they are; the scenario's own keys beside {@code from} override the file's. A problem in
 * the file is reported at its place in that file.
 */
final class AzureComputeFile {
  /** Azure ML compute keys that do not change what capacity exists or what it costs. */
  static final Set<String> IGNORED =
      Set.of(
          "$schema",
          "description",
          "location",
          "tags",
          "identity",
          "network_settings",
          "ssh_public_access_enabled",
          "ssh_settings",
          "enable_node_public_ip",
          "enable_sso",
          "enable_root_access",
          "enable_os_patching",
          "setup_scripts",
          "custom_applications",
          "create_on_behalf_of",
          "os_image_metadata",
          "release_quota_on_stop",
          "id",
          "resource_id",
          "provisioning_state",
          "created_on",
          "last_operation",
          "services",
          "state");

  private AzureComputeFile() {}

  /**
   * The compute {@code entry} names with {@code from:}, its file read relative to {@code baseDir}
   * and the entry's other keys put over it; {@code offered} reports a size the region does not
   * offer, at its place in the file.
   *
   * @throws ScenarioException listing the file's problems, at their places in it
   */
  static YamlMap read(
      Fields entry,
      Path baseDir,
      ZoneId zone,
      java.util.function.BiConsumer<Fields, ComputeDef> offered,
      List<String> notes) {
    YamlNode fromNode = entry.node("from").orElseThrow();
    String name = fromNode instanceof YamlNode.YamlScalar s ? s.text() : "";
    Path path = baseDir.resolve(name).normalize();
    if (name.isEmpty() || !Files.isRegularFile(path)) {
      throw atFrom(
          entry,
          fromNode,
          name.isEmpty()
              ? "expected the path of an Azure ML compute YAML file"
              : "no such file: " + path);
    }
    YamlNode root;
    try {
      root = new YamlReader(name).read(Files.readAllBytes(path));
    } catch (IOException e) {
      throw atFrom(entry, fromNode, "cannot read " + name + ": " + Problem.reason(e));
    }
    if (!(root instanceof YamlMap azure)) {
      throw new ScenarioException(
          List.of(Problem.at(name, root, "", "expected an Azure ML compute (a map)")));
    }
    List<String> ignored = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    YamlMap compute = new YamlMap(azure.line(), azure.column(), Map.of());
    for (Map.Entry<String, YamlMap.Entry> e : azure.entries().entrySet()) {
      if (IGNORED.contains(e.getKey())) {
        ignored.add(e.getKey());
      } else if (e.getKey().equals("schedules")) {
        compute =
            compute.with("schedules", schedules(name, e.getValue().value(), problems, ignored));
      } else {
        compute = compute.with(e.getKey(), e.getValue().value());
      }
    }
    // Checked on its own first, so that what is wrong in the file is said of the file.
    Fields own = new Fields(name, "", compute, problems);
    ComputeParser.parse(own, zone).ifPresent(def -> offered.accept(own, def));
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    if (!ignored.isEmpty()) {
      notes.add(
          name
              + ": left out "
              + String.join(", ", ignored)
              + " (Azure keys that change neither capacity nor cost)");
    }
    for (Map.Entry<String, YamlMap.Entry> e : entry.map().entries().entrySet()) {
      if (!e.getKey().equals("from")) {
        compute = compute.with(e.getKey(), e.getValue().value());
      }
    }
    return compute;
  }

  private static ScenarioException atFrom(Fields entry, YamlNode fromNode, String message) {
    return new ScenarioException(
        List.of(Problem.at(entry.file(), fromNode, entry.path("from"), message)));
  }

  /** Azure's {@code {compute_start_stop: [{action, trigger: {...}}]}} as capsim's list. */
  private static YamlNode schedules(
      String file, YamlNode node, List<Problem> problems, List<String> ignored) {
    YamlMap.Entry entry =
        node instanceof YamlMap map ? map.entries().get("compute_start_stop") : null;
    if (entry == null || !(entry.value() instanceof YamlList list)) {
      problems.add(
          Problem.at(
              file, node, "schedules", "expected {compute_start_stop: [{action, trigger}, ...]}"));
      return new YamlList(node.line(), node.column(), List.of());
    }
    List<YamlNode> converted = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      String path = "schedules.compute_start_stop[" + i + "]";
      YamlNode item = list.items().get(i);
      YamlMap.Entry trigger = item instanceof YamlMap m ? m.entries().get("trigger") : null;
      if (!(item instanceof YamlMap schedule)
          || trigger == null
          || !(trigger.value() instanceof YamlMap t)) {
        problems.add(Problem.at(file, item, path, "expected {action, trigger: {type: cron, ...}}"));
        continue;
      }
      YamlMap.Entry type = t.entries().get("type");
      if (type == null
          || !(type.value() instanceof YamlNode.YamlScalar s)
          || !s.text().equals("cron")) {
        problems.add(
            Problem.at(
                file,
                type == null ? t : type.value(),
                path + ".trigger.type",
                "only cron triggers are supported so far"));
        continue;
      }
      Map<String, YamlMap.Entry> ours = new LinkedHashMap<>();
      copy(schedule, "action", "action", ours);
      copy(t, "expression", "cron", ours);
      copy(t, "time_zone", "time_zone", ours);
      t.entries().keySet().stream()
          .filter(k -> !Set.of("type", "expression", "time_zone").contains(k))
          .forEach(k -> ignored.add(path + ".trigger." + k));
      converted.add(new YamlMap(item.line(), item.column(), ours));
    }
    return new YamlList(node.line(), node.column(), converted);
  }

  private static void copy(YamlMap from, String key, String as, Map<String, YamlMap.Entry> to) {
    YamlMap.Entry e = from.entries().get(key);
    if (e != null) {
      to.put(as, e);
    }
  }
}
