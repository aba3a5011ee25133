package io.capsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.capsim.experiment.MetricTable;
import io.capsim.experiment.Recommendation;
import io.capsim.experiment.Runner;
import io.capsim.scenario.Scenario;
import io.capsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The recommendation as Azure ML CLI v2 YAML, with Azure's schema and key names. */
class AzureMlYamlTest {
  @Test
  void instanceWithSchedules_isAComputeInstanceDocument() throws Exception {
    Scenario scenario =
        ScenarioLoader.load(Path.of("../scenarios/examples/data-science-instances.yaml"))
            .with(2, 11);
    MetricTable table = MetricTable.of(new Runner(2).run(scenario, done -> {}));
    Recommendation rec = Recommendation.of(scenario, table);
    String yaml = AzureMlYaml.of(scenario, rec);
    int minutes = new int[] {15, 60, 240, 4320}[rec.winner()];
    assertThat(yaml)
        .endsWith(
            """
        $schema: https://azuremlschemas.azureedge.net/latest/computeInstance.schema.json
        name: notebook
        type: computeinstance
        size: Standard_E4s_v3
        idle_time_before_shutdown_minutes: %d
        schedules:
          compute_start_stop:
          - action: stop
            trigger:
              type: cron
              expression: 0 19 * * 1-5
              time_zone: W. Europe Standard Time
        """
                .formatted(minutes));
  }
}
