package io.capsim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.instance.InstanceSchedule;
import io.capsim.compute.instance.InstanceSpec;
import io.capsim.compute.pool.Preemption;
import io.capsim.engine.SimTime;
import io.capsim.engine.random.Distribution;
import io.capsim.scenario.yaml.Quantities;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scenario with every default made explicit, the seed and the capsim version, as YAML that
 * capsim reads back: running it again gives the same numbers.
 */
public final class ResolvedScenario {
  private ResolvedScenario() {}

  public static String toYaml(Scenario s, String capsimVersion) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("# capsim_version", capsimVersion);
    root.put("name", s.name());
    root.put("region", s.region());
    root.put("catalog", "builtin");
    root.put("start", s.start().toString());
    root.put("timezone", zone(s.timezone()));
    root.put("horizon", Quantities.formatDuration(s.horizonMicros()));
    root.put("warmup", Quantities.formatDuration(s.warmupMicros()));
    root.put("seed", s.seed());
    root.put("replications", s.replications());
    if (!s.dedicatedQuotaVcpus().isEmpty() || s.lowPriorityQuotaVcpus().isPresent()) {
      Map<String, Object> quota = new LinkedHashMap<>();
      if (!s.dedicatedQuotaVcpus().isEmpty()) {
        quota.put("dedicated", s.dedicatedQuotaVcpus());
      }
      s.lowPriorityQuotaVcpus().ifPresent(v -> quota.put("low_priority", v));
      root.put("quota", quota);
    }
    root.put("computes", s.computes().stream().map(ResolvedScenario::compute).toList());
    root.put("workloads", s.workloads().stream().map(w -> workload(w, s)).toList());
    if (!s.sweepKeys().isEmpty()) {
      Map<String, List<Object>> sweep = new LinkedHashMap<>();
      for (String key : s.sweepKeys()) {
        sweep.put(
            key,
            s.points().stream()
                .map(p -> p.values().get(key))
                .filter(v -> !Scenario.Point.NOT_APPLICABLE.equals(v))
                .distinct()
                .map(ResolvedScenario::flowValue)
                .toList());
      }
      root.put("sweep", sweep);
    }
    if (!s.sweepKeys().isEmpty()) {
      Map<String, Object> baseline = new LinkedHashMap<>();
      s.points()
          .get(s.baselinePoint())
          .values()
          .forEach(
              (key, value) -> {
                if (!value.equals(Scenario.Point.NOT_APPLICABLE)) {
                  baseline.put(key, flowValue(value));
                }
              });
      root.put("baseline", baseline);
    }
    s.objective()
        .ifPresent(
            o -> {
              Map<String, Object> objective = new LinkedHashMap<>();
              objective.put("minimize", o.minimize().key());
              objective.put(
                  "subject_to", o.subjectTo().stream().map(Objective.Constraint::text).toList());
              root.put("objective", objective);
            });
    root.put("notes", s.notes());
    root.remove("# capsim_version");
    try {
      return "# resolved by capsim "
          + capsimVersion
          + "\n"
          + YAMLMapper.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build()
              .writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the resolved scenario", e);
    }
  }

  /** A swept value back as YAML data: {@code 4}, {@code Standard_D4s_v3}, {@code {rate: 0.1/h}}. */
  private static Object flowValue(String flowText) {
    try {
      Object value = new YAMLMapper().readValue(flowText, Object.class);
      return value == null ? flowText : value;
    } catch (JsonProcessingException e) {
      return flowText;
    }
  }

  private static Map<String, Object> compute(ComputeDef def) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", def.name());
    m.put("type", def.type());
    m.put(def.sizeKey(), def.size());
    m.putAll(def.accept(SETTINGS));
    return m;
  }

  /** Each kind's settings beyond its name, type and size, every default explicit. */
  private static final ComputeDef.Visitor<Map<String, Object>> SETTINGS =
      new ComputeDef.Visitor<>() {
        @Override
        public Map<String, Object> cluster(ComputeDef.Cluster cluster) {
          ClusterSpec spec = cluster.spec();
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("tier", spec.tier().key());
          m.put("min_instances", spec.minInstances());
          m.put("max_instances", spec.maxInstances());
          m.put("idle_time_before_scale_down", spec.idleTimeBeforeScaleDownSeconds());
          m.put("provisioning_time", distribution(spec.provisioningSeconds()));
          m.put("scale_down_time", Quantities.formatDuration(spec.scaleDownMicros()));
          if (spec.preemption() instanceof Preemption.Rate rate) {
            m.put("preemption", Map.of("rate", rate(rate.perNodeHour() / 3600)));
          } else if (spec.preemption() instanceof Preemption.TimeTo timeTo) {
            m.put("preemption", Map.of("time_to_preemption", distribution(timeTo.seconds())));
          } else if (spec.tier() == io.capsim.compute.pool.Tier.LOW_PRIORITY) {
            // Low priority without preemption is a choice to state: left out, it is assumed.
            m.put("preemption", "none");
          }
          return m;
        }

        @Override
        public Map<String, Object> instance(ComputeDef.Instance instance) {
          InstanceSpec spec = instance.spec();
          Map<String, Object> m = new LinkedHashMap<>();
          spec.idleTimeBeforeShutdownMinutes()
              .ifPresent(v -> m.put("idle_time_before_shutdown_minutes", v));
          m.put("start_time", distribution(spec.startSeconds()));
          List<Map<String, String>> schedules = new ArrayList<>();
          for (InstanceSchedule schedule : spec.schedules()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("action", schedule.action().name().toLowerCase(Locale.ROOT));
            entry.put("cron", schedule.cron());
            entry.put("time_zone", zone(schedule.timeZone()));
            schedules.add(entry);
          }
          m.put("schedules", schedules);
          return m;
        }

        @Override
        public Map<String, Object> serverless(ComputeDef.Serverless serverless) {
          return Map.of("startup_time", distribution(serverless.spec().startupSeconds()));
        }

        @Override
        public Map<String, Object> attached(ComputeDef.Attached attached) {
          return Map.of("instance_count", attached.spec().nodes());
        }
      };

  private static Map<String, Object> workload(Workload w, Scenario s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", w.name());
    m.put("compute", w.compute());
    Map<String, Object> trace = s.traceArrivals().get(w.name());
    if (trace != null) {
      m.put("arrivals", trace);
    } else {
      m.put("arrivals", arrivals(w.arrivals()));
      m.put("instance_count", w.instanceCount());
      m.put("duration", distribution(w.durationSeconds()));
    }
    m.put("reference_size", w.referenceSize());
    m.put("speedup", w.speedup().key());
    w.cuda().ifPresent(c -> m.put("cuda", c));
    m.put("checkpoint_interval", Quantities.formatDuration(w.checkpointIntervalMicros()));
    m.put("on_preemption", w.onPreemption().key());
    m.put("interactive", w.interactive());
    return m;
  }

  private static Map<String, Object> arrivals(ArrivalProcess process) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (process instanceof ArrivalProcess.Poisson p) {
      m.put("process", "poisson");
      m.put("rate", rate(p.perSecond()));
      m.put("profile", "always");
    } else if (process instanceof ArrivalProcess.Profiled p) {
      m.put("process", "poisson");
      m.put("rate", rate(p.perSecond()));
      boolean workdays =
          Arrays.equals(p.hourOfWeekMultipliers(), ArrivalProcess.Profiled.workdays());
      m.put("profile", workdays ? "workdays" : weeklyTable(p));
    } else if (process instanceof ArrivalProcess.Scheduled c) {
      m.put("process", "cron");
      m.put("expression", c.cron().expression());
      m.put("time_zone", zone(c.cron().timeZone()));
    } else if (process instanceof ArrivalProcess.Periodic p) {
      m.put("process", "periodic");
      m.put("every", Quantities.formatDuration(p.everyMicros()));
      m.put("offset", Quantities.formatDuration(p.offsetMicros()));
    }
    return m;
  }

  private static List<List<Double>> weeklyTable(ArrivalProcess.Profiled profile) {
    double[] multipliers = profile.hourOfWeekMultipliers();
    List<List<Double>> rows = new ArrayList<>();
    for (int day = 0; day < 7; day++) {
      rows.add(Arrays.stream(multipliers, day * 24, day * 24 + 24).boxed().toList());
    }
    return rows;
  }

  /** Reads back exactly as parsed, in the unit a person would write it in where that is exact. */
  private static String rate(double perSecond) {
    return Quantities.formatRate(perSecond);
  }

  /** A zone's name as a scenario writes it: {@code UTC}, not {@code Z}, for UTC. */
  private static String zone(java.time.ZoneId zone) {
    return zone.equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
  }

  static Object distribution(Distribution d) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (d instanceof Distribution.Constant c) {
      return seconds(c.value());
    } else if (d instanceof Distribution.Exponential e) {
      m.put("dist", "exponential");
      m.put("mean", seconds(e.mean()));
    } else if (d instanceof Distribution.LogNormal l) {
      m.put("dist", "lognormal");
      m.put("median", seconds(l.median()));
      m.put("p95", seconds(l.p95()));
    } else if (d instanceof Distribution.GammaMeanCv g) {
      m.put("dist", "gamma");
      m.put("mean", seconds(g.mean()));
      m.put("cv", g.cv());
    } else if (d instanceof Distribution.Weibull w) {
      m.put("dist", "weibull");
      m.put("shape", w.shape());
      m.put("scale", seconds(w.scale()));
    } else if (d instanceof Distribution.Uniform u) {
      m.put("dist", "uniform");
      m.put("min", seconds(u.min()));
      m.put("max", seconds(u.max()));
    } else if (d instanceof Distribution.Empirical e) {
      m.put("dist", "empirical");
      m.put("samples", Arrays.stream(e.samples()).mapToObj(ResolvedScenario::seconds).toList());
    }
    return m;
  }

  private static String seconds(double seconds) {
    return Quantities.formatDuration(SimTime.secondsToMicros(seconds));
  }
}
