package io.capsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.capsim.compute.Metric;
import io.capsim.compute.pool.Preemption;
import io.capsim.compute.pool.Tier;
import io.capsim.experiment.ScenarioModel;
import io.capsim.scenario.yaml.ScenarioException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * Low priority is never free of risk by omission: without a stated preemption its nodes are
 * preempted at the documented assumption, said so; {@code preemption: none} is a choice to write;
 * and a swept tier takes one preemption that applies at its low-priority points only.
 */
class LowPriorityPreemptionTest {
  private static Scenario parse(String cluster, String sweep) {
    String yaml =
        """
        name: t
        region: eastus
        horizon: 3d
        replications: 2
        computes:
          - {name: spot, type: amlcompute, size: Standard_D4s_v3, max_instances: 4, %s}
        workloads:
          - name: jobs
            compute: spot
            arrivals: {process: poisson, rate: 40/day}
            duration: 2h
        %s
        """
            .formatted(cluster, sweep);
    return ScenarioLoader.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), Path.of("."));
  }

  private static ComputeDef.Cluster cluster(Scenario s, int point) {
    return (ComputeDef.Cluster) s.points().get(point).computes().get(0);
  }

  private static double preemptions(Scenario s, int point) {
    var stats = new ScenarioModel(s, s.points().get(point), 0).run();
    return Metric.PREEMPTIONS.of(Objects.requireNonNull(stats.get("spot")));
  }

  @Test
  void lowPriorityWithoutPreemption_isPreemptedAtTheStatedAssumption() {
    Scenario s = parse("tier: low_priority", "");
    Preemption.Rate rate = (Preemption.Rate) cluster(s, 0).spec().preemption();
    // 5 % of nodes preempted within an hour: 1 - exp(-rate * 1 h) = 0.05.
    assertThat(1 - Math.exp(-rate.perNodeHour())).isCloseTo(0.05, within(1e-12));
    assertThat(rate.perNodeHour()).isCloseTo(0.051293, within(1e-6));
    assertThat(s.notes())
        .anyMatch(
            n -> n.startsWith("spot: low priority with no preemption stated") && n.contains("5 %"));
    assertThat(preemptions(s, 0)).isPositive();
    Scenario again =
        ScenarioLoader.parse(
            "r.yaml",
            ResolvedScenario.toYaml(s, "test").getBytes(StandardCharsets.UTF_8),
            Path.of("."));
    assertThat(cluster(again, 0).spec()).isEqualTo(cluster(s, 0).spec());
  }

  @Test
  void preemptionNone_isAChoiceTheResolvedScenarioWritesDown() {
    Scenario s = parse("tier: low_priority, preemption: none", "");
    assertThat(cluster(s, 0).spec().preemption()).isInstanceOf(Preemption.None.class);
    assertThat(s.notes()).noneMatch(n -> n.contains("no preemption stated"));
    assertThat(preemptions(s, 0)).isZero();
    String resolved = ResolvedScenario.toYaml(s, "test");
    assertThat(resolved).contains("preemption: none\n");
    Scenario again =
        ScenarioLoader.parse("r.yaml", resolved.getBytes(StandardCharsets.UTF_8), Path.of("."));
    assertThat(cluster(again, 0).spec().preemption()).isInstanceOf(Preemption.None.class);
  }

  @Test
  void aSweptTier_takesOnePreemption_thatAppliesAtItsLowPriorityPointsOnly() {
    Scenario s =
        parse(
            "tier: dedicated, preemption: {rate: 0.5/h}",
            "sweep: {spot.tier: [dedicated, low_priority]}");
    assertThat(cluster(s, 0).spec().tier()).isEqualTo(Tier.DEDICATED);
    assertThat(cluster(s, 0).spec().preemption()).isInstanceOf(Preemption.None.class);
    assertThat(cluster(s, 1).spec().tier()).isEqualTo(Tier.LOW_PRIORITY);
    assertThat(((Preemption.Rate) cluster(s, 1).spec().preemption()).perNodeHour())
        .isCloseTo(0.5, within(1e-12));
    assertThat(preemptions(s, 0)).isZero();
    assertThat(preemptions(s, 1)).isPositive();
    // Unswept, a dedicated tier with a preemption is still a mistake to point out.
    assertThatThrownBy(() -> parse("tier: dedicated, preemption: {rate: 0.5/h}", ""))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("applies to tier low_priority only");
  }

  @Test
  void aPreemptionThatIsNeitherNoneNorAMap_isRefused() {
    assertThatThrownBy(() -> parse("tier: low_priority, preemption: sometimes", ""))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("preemption: expected none, {rate: 0.1/h} or {time_to_preemption");
  }
}
