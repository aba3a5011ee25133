package io.capsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Azure ML's name rules at their edges, kind by kind. */
class ComputeNamingTest {
  @Test
  void aComputeCluster_takes2To16LettersDigitsAndDashes_fromALetter_toALetterOrDigit() {
    ComputeNaming rule = ComputeNaming.COMPUTE;
    assertThat(rule.problem("ab")).isEmpty();
    assertThat(rule.problem("a".repeat(16))).isEmpty();
    assertThat(rule.problem("gpu-a100-2")).isEmpty();
    assertThat(rule.problem("a")).isPresent();
    assertThat(rule.problem("a".repeat(17))).isPresent();
    assertThat(rule.problem("gpu-")).as("ends in a dash").isPresent();
    assertThat(rule.problem("1gpu")).as("starts with a digit").isPresent();
    assertThat(rule.problem("gpu_a100")).as("underscore").isPresent();
  }

  @Test
  void aComputeInstance_takes3To24_andMayNotEndInADashAndDigits() {
    ComputeNaming rule = ComputeNaming.INSTANCE;
    assertThat(rule.problem("abc")).isEmpty();
    assertThat(rule.problem("a".repeat(24))).isEmpty();
    assertThat(rule.problem("ci-a1")).isEmpty();
    assertThat(rule.problem("ab")).isPresent();
    assertThat(rule.problem("a".repeat(25))).isPresent();
    assertThat(rule.problem("ci-1")).isPresent();
    assertThat(rule.problem("dev-box-42")).isPresent();
    assertThat(rule.problem("9ci")).isPresent();
  }

  @Test
  void serverlessCompute_isNotNamedInAzure_soAnyNameServes() {
    assertThat(ComputeNaming.UNNAMED.problem("serverless_for_the_whole_team-1")).isEmpty();
  }
}
