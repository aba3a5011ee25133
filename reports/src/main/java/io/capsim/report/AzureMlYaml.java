package io.capsim.report;

import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.instance.InstanceSchedule;
import io.capsim.compute.instance.InstanceSpec;
import io.capsim.experiment.Recommendation;
import io.capsim.scenario.ComputeDef;
import io.capsim.scenario.Scenario;
import java.util.Locale;

/**
 * The recommended point's computes as Azure ML CLI v2 compute YAML ({@code az ml compute create
 * --file}), one document per compute; computes that have no such file (serverless, attached) appear
 * as comments saying why.
 */
public final class AzureMlYaml {
  private static final String SCHEMAS = "https://azuremlschemas.azureedge.net/latest/";

  private AzureMlYaml() {}

  public static String of(Scenario scenario, Recommendation recommendation) {
    StringBuilder out = new StringBuilder();
    out.append("# Recommended by capsim for scenario \"")
        .append(scenario.name())
        .append("\", ")
        .append(
            recommendation.feasible()
                ? "the cheapest point meeting the constraints"
                : "the point closest to the constraints (none met them)")
        .append(": point ")
        .append(recommendation.winner())
        .append(": ")
        .append(scenario.points().get(recommendation.winner()).describe())
        .append('\n')
        .append("# Apply each document with: az ml compute create --file <document>.yaml\n");
    boolean first = true;
    for (ComputeDef def : scenario.points().get(recommendation.winner()).computes()) {
      if (!first) {
        out.append("---\n");
      }
      first = false;
      out.append(document(def));
    }
    return out.toString();
  }

  private static String document(ComputeDef def) {
    return def.accept(DOCUMENT);
  }

  /** Each kind as the file {@code az ml compute create --file} takes, or why there is none. */
  private static final ComputeDef.Visitor<String> DOCUMENT =
      new ComputeDef.Visitor<>() {
        @Override
        public String cluster(ComputeDef.Cluster cluster) {
          return AzureMlYaml.cluster(cluster.spec());
        }

        @Override
        public String instance(ComputeDef.Instance instance) {
          return AzureMlYaml.instance(instance.spec());
        }

        @Override
        public String serverless(ComputeDef.Serverless serverless) {
          return "# "
              + serverless.name()
              + ": serverless compute has no compute to create; set the job's"
              + " resources.instance_type to "
              + serverless.spec().instanceType()
              + "\n";
        }

        @Override
        public String attached(ComputeDef.Attached attached) {
          return "# "
              + attached.name()
              + ": an attached "
              + attached.type()
              + " is the user's own; attach it"
              + " with az ml compute attach\n";
        }
      };

  private static String cluster(ClusterSpec s) {
    return "$schema: "
        + SCHEMAS
        + "amlCompute.schema.json\n"
        + "name: "
        + s.name()
        + "\n"
        + "type: amlcompute\n"
        + "size: "
        + s.size()
        + "\n"
        + "tier: "
        + s.tier().key()
        + "\n"
        + "min_instances: "
        + s.minInstances()
        + "\n"
        + "max_instances: "
        + s.maxInstances()
        + "\n"
        + "idle_time_before_scale_down: "
        + s.idleTimeBeforeScaleDownSeconds()
        + "\n";
  }

  private static String instance(InstanceSpec s) {
    StringBuilder out =
        new StringBuilder(
            "$schema: "
                + SCHEMAS
                + "computeInstance.schema.json\nname: "
                + s.name()
                + "\ntype: computeinstance\nsize: "
                + s.size()
                + "\n");
    s.idleTimeBeforeShutdownMinutes()
        .ifPresent(m -> out.append("idle_time_before_shutdown_minutes: ").append(m).append('\n'));
    if (!s.schedules().isEmpty()) {
      out.append("schedules:\n  compute_start_stop:\n");
      for (InstanceSchedule schedule : s.schedules()) {
        out.append("    - action: ")
            .append(schedule.action().name().toLowerCase(Locale.ROOT))
            .append("\n      trigger:\n        type: cron\n        expression: \"")
            .append(schedule.cron())
            .append("\"\n        time_zone: ")
            .append(schedule.timeZone().getId())
            .append('\n');
      }
    }
    return out.toString();
  }
}
