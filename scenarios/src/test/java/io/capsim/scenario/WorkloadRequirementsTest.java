package io.capsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.scenario.yaml.ScenarioException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code requires:} on a workload: a size that cannot meet it is left out of a sweep with a note,
 * and refused when it is the only size (or every size swept).
 */
class WorkloadRequirementsTest {
  private static Scenario parse(String size, String requires, String sweep) {
    String yaml =
        """
        name: t
        region: eastus
        horizon: 2d
        computes:
          - {name: cpu, type: amlcompute, size: %s, max_instances: 2}
        workloads:
          - name: jobs
            compute: cpu
            arrivals: {process: poisson, rate: 10/day}
            duration: 1h
            requires: %s
        %s
        """
            .formatted(size, requires, sweep);
    return ScenarioLoader.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("."));
  }

  @Test
  void aSweptSizeThatCannotMeetTheRequirements_isLeftOutWithANote() {
    Scenario s =
        parse(
            "Standard_D4s_v3",
            "{memory_gb: 32}",
            "sweep: {cpu.size: [Standard_D4s_v3, Standard_E4s_v3, Standard_D8s_v3]}");
    assertThat(s.points())
        .extracting(p -> p.values().get("cpu.size"))
        .containsExactly("Standard_E4s_v3", "Standard_D8s_v3");
    assertThat(s.points()).extracting(Scenario.Point::index).containsExactly(0, 1);
    assertThat(s.notes())
        .contains(
            "sweep: left out cpu.size = Standard_D4s_v3: jobs on cpu: Standard_D4s_v3 has 16 GB"
                + " of memory, not 32 (requires)");
    assertThat(s.points().get(0).workloads().get(0).requires().memoryGb()).hasValue(32);
  }

  @Test
  void anUnsweptSizeThatCannotMeetThem_isRefusedAtTheWorkload() {
    assertThatThrownBy(() -> parse("Standard_D4s_v3", "{gpus: 1, gpu_memory_gb: 40}", ""))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining(
            "workloads[0].requires: Standard_D4s_v3 has 0 GPUs, not 1 and no GPUs, so no GPU"
                + " memory");
  }

  @Test
  void whenNoSweptSizeMeetsThem_eachPointIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    "Standard_D4s_v3",
                    "{memory_gb: 1000}",
                    "sweep: {cpu.size: [Standard_D4s_v3, Standard_E4s_v3]}"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("Standard_D4s_v3 has 16 GB of memory, not 1000")
        .hasMessageContaining("Standard_E4s_v3 has 32 GB of memory, not 1000");
  }

  @Test
  void anUnknownRequirement_isRefusedWithTheKnownOnes() {
    assertThatThrownBy(() -> parse("Standard_D4s_v3", "{vram_gb: 16}", ""))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("requires.vram_gb");
  }
}
