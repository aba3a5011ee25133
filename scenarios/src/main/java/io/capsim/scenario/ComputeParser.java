package io.capsim.scenario;

import io.capsim.compute.InvalidSettingException;
import io.capsim.compute.cluster.AttachedSpec;
import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.instance.InstanceSchedule;
import io.capsim.compute.instance.InstanceSpec;
import io.capsim.compute.pool.Preemption;
import io.capsim.compute.pool.Tier;
import io.capsim.compute.serverless.ServerlessSpec;
import io.capsim.engine.random.Distribution;
import io.capsim.scenario.yaml.Problem;
import io.capsim.scenario.yaml.YamlNode.YamlList;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Parses one entry of {@code computes:} by its Azure ML {@code type}, with Azure's defaults. */
final class ComputeParser {
  private static final Map<String, ComputeType> TYPES =
      Fields.choices(ComputeType.values(), ComputeType::key);

  private static final Map<String, Tier> TIERS = Fields.choices(Tier.values(), Tier::key);

  /** Azure sells Spot VMs; Azure ML calls the same capacity low priority. */
  private static final Map<String, String> TIER_HINTS =
      Map.of("spot", "Azure ML calls Spot capacity low priority: tier: low_priority");

  private static final Map<String, InstanceSchedule.Action> ACTIONS =
      Fields.choices(
          InstanceSchedule.Action.values(), action -> action.name().toLowerCase(Locale.ROOT));

  private ComputeParser() {}

  /** The compute described by {@code f}, or empty when it has problems (already reported). */
  static Optional<ComputeDef> parse(Fields f, ZoneId defaultZone) {
    String name = f.requiredString("name", "a name workloads refer to");
    Optional<ComputeType> type = f.choice("type", TYPES);
    if (type.isEmpty()) {
      if (!f.has("type")) {
        f.missing("type", "one of " + String.join(", ", TYPES.keySet()));
      }
      return Optional.empty();
    }
    if (!name.isEmpty()) {
      type.get()
          .naming()
          .problem(name)
          .ifPresent(why -> f.problem(f.node("name").orElseThrow(), "name", why));
    }
    int before = f.problems().size();
    try {
      Optional<ComputeDef> def = type.get().parse(f, name, defaultZone);
      f.finish();
      return f.problems().size() == before ? def : Optional.empty();
    } catch (InvalidSettingException e) {
      // The spec holds the rule; its key places the problem in the file.
      f.finish();
      f.problem(f.node(e.key()).orElse(f.map()), e.key(), e.reason());
      return Optional.empty();
    }
  }

  static Optional<ComputeDef> cluster(Fields f, String name) {
    String size = f.requiredString("size", "a VM size such as Standard_D4s_v3");
    ClusterSpec d = ClusterSpec.defaults(name, size);
    Tier tier = f.choice("tier", TIERS, TIER_HINTS).orElse(d.tier());
    int min = f.integer("min_instances", 0, 100_000).orElse(0L).intValue();
    int max = f.integer("max_instances", 1, 100_000).orElse(1L).intValue();
    long idle = f.seconds("idle_time_before_scale_down").orElse(d.idleTimeBeforeScaleDownSeconds());
    Distribution provisioning =
        f.distributionSeconds("provisioning_time").orElse(d.provisioningSeconds());
    long scaleDownMicros = f.durationMicros("scale_down_time").orElse(0L);
    Preemption preemption =
        f.node("preemption").isPresent()
            ? preemption(f).orElse(Preemption.none())
            : tier == Tier.LOW_PRIORITY ? Preemption.assumedForLowPriority() : Preemption.none();
    return Optional.of(
        new ComputeDef.Cluster(
            new ClusterSpec(
                name,
                size,
                tier,
                min,
                max,
                idle,
                provisioning,
                scaleDownMicros,
                preemption,
                d.loadBalancerUsdPerDay()),
            f.map()));
  }

  /**
   * {@code preemption:} {@code none}, {@code {rate: 0.1/h}} or {@code {time_to_preemption: ...}}.
   */
  private static Optional<Preemption> preemption(Fields cluster) {
    io.capsim.scenario.yaml.YamlNode node = cluster.node("preemption").orElseThrow();
    if (node instanceof io.capsim.scenario.yaml.YamlNode.YamlScalar s && s.text().equals("none")) {
      return Optional.of(Preemption.none());
    }
    if (!(node instanceof io.capsim.scenario.yaml.YamlNode.YamlMap)) {
      cluster.problem(
          node,
          "preemption",
          "expected none, {rate: 0.1/h} or {time_to_preemption: <distribution>}, was "
              + node.describe());
      return Optional.empty();
    }
    Fields f = cluster.child("preemption", node);
    Optional<Double> rate = f.ratePerSecond("rate");
    Optional<Distribution> timeTo = f.distributionSeconds("time_to_preemption");
    f.finish();
    if (rate.isPresent() && timeTo.isPresent()) {
      f.problem(f.map(), "", "give either rate or time_to_preemption, not both");
      return Optional.empty();
    }
    if (rate.isEmpty() && timeTo.isEmpty() && !f.has("rate") && !f.has("time_to_preemption")) {
      f.missing("rate", "a rate per node such as 0.1/h, or time_to_preemption");
    }
    return rate.<Preemption>map(r -> new Preemption.Rate(r * 3600))
        .or(() -> timeTo.map(Preemption.TimeTo::new));
  }

  static Optional<ComputeDef> instance(Fields f, String name, ZoneId defaultZone) {
    String size = f.requiredString("size", "a VM size such as Standard_D4s_v3");
    InstanceSpec d = InstanceSpec.defaults(name, size);
    OptionalLong idle =
        f.integer("idle_time_before_shutdown_minutes", Long.MIN_VALUE, Long.MAX_VALUE)
            .map(OptionalLong::of)
            .orElse(OptionalLong.empty());
    Distribution start = f.distributionSeconds("start_time").orElse(d.startSeconds());
    List<InstanceSchedule> schedules = new ArrayList<>();
    f.list("schedules").ifPresent(list -> schedules.addAll(schedules(f, list, defaultZone)));
    return Optional.of(
        new ComputeDef.Instance(
            new InstanceSpec(
                name,
                size,
                idle,
                start,
                schedules,
                d.osDiskUsdPerMonth(),
                d.publicIpUsdPerHour(),
                d.loadBalancerUsdPerDay()),
            f.map()));
  }

  private static List<InstanceSchedule> schedules(Fields f, YamlList list, ZoneId defaultZone) {
    List<InstanceSchedule> schedules = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      Fields s = f.child("schedules[" + i + "]", list.items().get(i));
      Optional<InstanceSchedule.Action> action = s.choice("action", ACTIONS);
      String cron = s.requiredString("cron", "a 5-field cron expression such as \"0 19 * * 1-5\"");
      ZoneId zone = s.string("time_zone").flatMap(z -> zone(s, "time_zone", z)).orElse(defaultZone);
      s.finish();
      if (action.isEmpty() && !s.has("action")) {
        s.missing("action", "start or stop");
      }
      if (action.isPresent() && !cron.isEmpty()) {
        try {
          schedules.add(new InstanceSchedule(action.get(), cron, zone));
        } catch (IllegalArgumentException e) {
          s.problem(s.node("cron").orElseThrow(), "cron", Problem.reason(e));
        }
      }
    }
    return schedules;
  }

  /** An IANA zone ({@code Europe/Berlin}), or a Windows name as Azure ML writes schedules. */
  static Optional<ZoneId> zone(Fields f, String key, String text) {
    try {
      return Optional.of(ZoneId.of(text));
    } catch (DateTimeException e) {
      Optional<ZoneId> windows = WindowsTimeZones.fromWindowsName(text);
      if (windows.isPresent()) {
        return windows;
      }
      f.problem(
          f.node(key).orElse(f.map()),
          key,
          "unknown time zone \""
              + text
              + "\"; give an IANA name such as Europe/Berlin or a Windows one such as"
              + " \"W. Europe Standard Time\""
              + io.capsim.catalog.Suggestions.didYouMean(text, ZoneId.getAvailableZoneIds()));
      return Optional.empty();
    }
  }

  static Optional<ComputeDef> serverless(Fields f, String name) {
    String type = f.requiredString("instance_type", "a VM size such as Standard_NC24ads_A100_v4");
    Distribution startup =
        f.distributionSeconds("startup_time").orElse(ServerlessSpec.DEFAULT_STARTUP_SECONDS);
    return Optional.of(new ComputeDef.Serverless(new ServerlessSpec(name, type, startup), f.map()));
  }

  static Optional<ComputeDef> attached(Fields f, String name, AttachedSpec.Kind kind) {
    String size = f.requiredString("size", "the VM size of the attached nodes");
    Optional<Long> nodes = f.integer("instance_count", 1, 100_000);
    if (nodes.isEmpty() && !f.has("instance_count")) {
      f.missing("instance_count", "how many nodes the attached pool has");
    }
    return nodes.map(
        n -> new ComputeDef.Attached(new AttachedSpec(name, kind, size, n.intValue()), f.map()));
  }
}
