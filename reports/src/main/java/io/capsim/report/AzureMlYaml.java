package io.capsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.instance.InstanceSchedule;
import io.capsim.compute.instance.InstanceSpec;
import io.capsim.experiment.Recommendation;
import io.capsim.scenario.ComputeDef;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.WindowsTimeZones;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The recommended point's computes as Azure ML CLI v2 compute YAML, each document one that {@code
 * az ml compute create --file} takes, written through Jackson; computes that have no such file
 * (serverless, attached) are comments saying why. Schedule time zones are Windows names, as Azure
 * ML documents for compute start and stop triggers.
 */
public final class AzureMlYaml {
  private static final String SCHEMAS = "https://azuremlschemas.azureedge.net/latest/";

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .build();

  private AzureMlYaml() {}

  /**
   * The recommended computes' files by compute name, those Azure can create; each starts with a
   * comment saying where it comes from.
   */
  public static Map<String, String> files(Scenario scenario, Recommendation recommendation) {
    Map<String, String> files = new LinkedHashMap<>();
    for (ComputeDef def : scenario.points().get(recommendation.winner()).computes()) {
      Document document = def.accept(DOCUMENT);
      if (document.yaml() != null) {
        files.put(def.name(), header(scenario, recommendation) + write(document.yaml()));
      }
    }
    return files;
  }

  /** Every recommended compute in one text: the documents separated by {@code ---}, for reading. */
  public static String of(Scenario scenario, Recommendation recommendation) {
    StringBuilder out = new StringBuilder(header(scenario, recommendation));
    out.append("# Apply each document from its own file: az ml compute create --file")
        .append(" recommendation/<compute>.yaml\n");
    List<String> parts = new ArrayList<>();
    for (ComputeDef def : scenario.points().get(recommendation.winner()).computes()) {
      Document document = def.accept(DOCUMENT);
      parts.add(document.yaml() != null ? write(document.yaml()) : document.comment());
    }
    out.append(String.join("---\n", parts));
    return out.toString();
  }

  private static String header(Scenario scenario, Recommendation recommendation) {
    return "# Recommended by capsim for scenario \""
        + scenario.name()
        + "\", "
        + (recommendation.feasible()
            ? "the cheapest point meeting the constraints"
            : "the point closest to the constraints (none met them)")
        + ": point "
        + recommendation.winner()
        + ": "
        + scenario.points().get(recommendation.winner()).describe()
        + "\n";
  }

  private static String write(Map<String, Object> yaml) {
    try {
      return YAML.writeValueAsString(yaml);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A compute's file, or the comment that says why it has none. */
  private record Document(
      @org.jspecify.annotations.Nullable Map<String, Object> yaml, String comment) {
    static Document of(Map<String, Object> yaml) {
      return new Document(yaml, "");
    }

    static Document none(String comment) {
      return new Document(null, comment);
    }
  }

  private static final ComputeDef.Visitor<Document> DOCUMENT =
      new ComputeDef.Visitor<>() {
        @Override
        public Document cluster(ComputeDef.Cluster cluster) {
          return Document.of(AzureMlYaml.cluster(cluster.spec()));
        }

        @Override
        public Document instance(ComputeDef.Instance instance) {
          return Document.of(AzureMlYaml.instance(instance.spec()));
        }

        @Override
        public Document serverless(ComputeDef.Serverless serverless) {
          return Document.none(
              "# "
                  + serverless.name()
                  + ": serverless compute has no compute to create; set the job's"
                  + " resources.instance_type to "
                  + serverless.spec().instanceType()
                  + "\n");
        }

        @Override
        public Document attached(ComputeDef.Attached attached) {
          return Document.none(
              "# "
                  + attached.name()
                  + ": an attached "
                  + attached.type()
                  + " is the user's own; attach it with az ml compute attach\n");
        }
      };

  static Map<String, Object> cluster(ClusterSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("$schema", SCHEMAS + "amlCompute.schema.json");
    m.put("name", s.name());
    m.put("type", "amlcompute");
    m.put("size", s.size());
    m.put("tier", s.tier().key());
    m.put("min_instances", s.minInstances());
    m.put("max_instances", s.maxInstances());
    m.put("idle_time_before_scale_down", s.idleTimeBeforeScaleDownSeconds());
    return m;
  }

  static Map<String, Object> instance(InstanceSpec s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("$schema", SCHEMAS + "computeInstance.schema.json");
    m.put("name", s.name());
    m.put("type", "computeinstance");
    m.put("size", s.size());
    s.idleTimeBeforeShutdownMinutes().ifPresent(v -> m.put("idle_time_before_shutdown_minutes", v));
    if (!s.schedules().isEmpty()) {
      List<Object> schedules = new ArrayList<>();
      for (InstanceSchedule schedule : s.schedules()) {
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("type", "cron");
        trigger.put("expression", schedule.cron());
        trigger.put(
            "time_zone",
            WindowsTimeZones.windowsName(schedule.timeZone())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "the time zone "
                                + schedule.timeZone().getId()
                                + " has no Windows name, which Azure ML's schedules take")));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", schedule.action().name().toLowerCase(Locale.ROOT));
        entry.put("trigger", trigger);
        schedules.add(entry);
      }
      m.put("schedules", Map.of("compute_start_stop", schedules));
    }
    return m;
  }
}
