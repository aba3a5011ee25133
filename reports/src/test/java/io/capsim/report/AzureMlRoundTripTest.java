package io.capsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import io.capsim.experiment.Runner;
import io.capsim.scenario.ComputeDef;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import io.capsim.scenario.yaml.ScenarioException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Azure ML in and out: a recommended compute's file, read back with {@code from:}, is the same
 * compute; the user's own Azure file is read with its Windows time zones and its keys that change
 * nothing left out (and said so).
 */
class AzureMlRoundTripTest {
  private static Scenario withComputeFrom(Scenario original, String file, Path dir) {
    String yaml =
        """
        name: again
        region: %s
        horizon: 3d
        timezone: %s
        computes:
          - {from: %s}
        workloads:
          - {name: jobs, compute: %s, arrivals: {process: poisson, rate: 10/day}, duration: 30m}
        """
            .formatted(
                original.region(),
                original.timezone().getId(),
                file,
                file.substring(0, file.length() - ".yaml".length()));
    return ScenarioLoader.parse("again.yaml", yaml.getBytes(StandardCharsets.UTF_8), dir);
  }

  private static void roundTrip(String example, @TempDir Path dir) throws Exception {
    Scenario scenario = ScenarioLoader.load(Path.of("../scenarios/examples/" + example)).with(2, 5);
    MetricTable table = MetricTable.of(new Runner(2).run(scenario, done -> {}));
    Recommendation rec = Recommendation.of(scenario, table);
    Map<String, String> files = AzureMlYaml.files(scenario, rec);
    assertThat(files).isNotEmpty();
    for (ComputeDef def : scenario.points().get(rec.winner()).computes()) {
      String yaml = files.get(def.name());
      if (yaml == null) {
        continue;
      }
      Files.writeString(dir.resolve(def.name() + ".yaml"), yaml);
      ComputeDef again = withComputeFrom(scenario, def.name() + ".yaml", dir).computes().get(0);
      // Everything Azure's file holds comes back; capsim's own assumptions (start-up and
      // provisioning times) are not Azure settings, so they come from the scenario.
      assertThat(azure(again)).isEqualTo(azure(def)).isNotEmpty();
    }
  }

  /** A compute as Azure's file holds it. */
  private static Map<String, Object> azure(ComputeDef def) {
    return def instanceof ComputeDef.Cluster c
        ? AzureMlYaml.cluster(c.spec())
        : AzureMlYaml.instance(((ComputeDef.Instance) def).spec());
  }

  @Test
  void aRecommendedInstance_withAScheduleInAWindowsTimeZone_readsBackAsTheSameInstance(
      @TempDir Path dir) throws Exception {
    roundTrip("data-science-instances.yaml", dir);
    assertThat(Files.readString(dir.resolve("notebook.yaml")))
        .contains("time_zone: W. Europe Standard Time");
  }

  @Test
  void aRecommendedCluster_readsBackAsTheSameCluster(@TempDir Path dir) throws Exception {
    roundTrip("quickstart.yaml", dir);
  }

  @Test
  void theUsersOwnFile_leavesOutWhatChangesNothing_andTheScenarioOverridesIt(@TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("my-cluster.yml"),
        """
        $schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json
        name: my-cluster
        type: amlcompute
        location: westeurope
        description: the team's cluster
        tags: {team: vision}
        size: Standard_D4s_v3
        min_instances: 0
        max_instances: 6
        idle_time_before_scale_down: 300
        """);
    String yaml =
        """
        name: mine
        region: eastus
        horizon: 3d
        computes:
          - {from: my-cluster.yml, max_instances: 2}
        workloads:
          - {name: jobs, compute: my-cluster, arrivals: {process: poisson, rate: 10/day}, duration: 30m}
        """;
    Scenario s = ScenarioLoader.parse("mine.yaml", yaml.getBytes(StandardCharsets.UTF_8), dir);
    ComputeDef.Cluster cluster = (ComputeDef.Cluster) s.computes().get(0);
    assertThat(cluster.spec().maxInstances()).isEqualTo(2);
    assertThat(cluster.spec().idleTimeBeforeScaleDownSeconds()).isEqualTo(300);
    assertThat(s.notes())
        .contains(
            "my-cluster.yml: left out $schema, location, description, tags (Azure keys that change"
                + " neither capacity nor cost)");
  }

  @Test
  void aProblemInTheUsersFile_isReportedAtItsPlaceInThatFile(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("ci.yml"),
        """
        name: ci
        type: computeinstance
        size: Standard_E4s_v3
        schedules:
          compute_start_stop:
            - action: stop
              trigger: {type: cron, expression: "0 19 * * 1-5", time_zone: Mars Standard Time}
        """);
    String yaml =
        """
        name: mine
        region: eastus
        horizon: 3d
        computes:
          - {from: ci.yml}
        workloads:
          - {name: jobs, compute: ci, arrivals: {process: poisson, rate: 10/day}, duration: 30m}
        """;
    assertThatThrownBy(
            () -> ScenarioLoader.parse("mine.yaml", yaml.getBytes(StandardCharsets.UTF_8), dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("ci.yml:7:")
        .hasMessageContaining("unknown time zone \"Mars Standard Time\"");
  }

  @Test
  void aSizeTheRegionDoesNotOffer_isReportedInTheUsersFile(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("c.yml"),
        "name: cpu\ntype: amlcompute\nsize: Standard_Q9_v9\nmax_instances: 2\n");
    String yaml =
        """
        name: mine
        region: eastus
        horizon: 3d
        computes:
          - {from: c.yml}
        workloads:
          - {name: jobs, compute: cpu, arrivals: {process: poisson, rate: 10/day}, duration: 30m}
        """;
    assertThatThrownBy(
            () -> ScenarioLoader.parse("mine.yaml", yaml.getBytes(StandardCharsets.UTF_8), dir))
        .isInstanceOf(ScenarioException.class)
        .hasMessage("c.yml:3:7: size: unknown VM size \"Standard_Q9_v9\"");
  }
}
