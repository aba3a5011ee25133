package io.capsim.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.compute.cluster.AttachedSpec;
import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.pool.Preemption;
import io.capsim.compute.pool.Quotas;
import io.capsim.compute.pool.Tier;
import io.capsim.engine.Cron;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The edges of what specs accept, the names they give back, and quota bookkeeping. */
class SpecsAndQuotasTest {
  @Test
  void quotas_giveBackWhatWasTaken_perFamilyAndLowPriority() {
    Quotas quotas = new Quotas(Map.of("Ds_v3", 8), OptionalInt.of(4));
    assertThat(quotas.account("Ds_v3", Tier.DEDICATED).tryAcquire(8)).isTrue();
    assertThat(quotas.account("Ds_v3", Tier.DEDICATED).tryAcquire(1)).isFalse();
    assertThat(quotas.account("NCadsA100v4", Tier.DEDICATED).tryAcquire(96))
        .as("no quota stated")
        .isTrue();
    assertThat(quotas.account("Ds_v3", Tier.LOW_PRIORITY).tryAcquire(4)).isTrue();
    assertThat(quotas.account("Fsv2", Tier.LOW_PRIORITY).tryAcquire(1))
        .as("one regional pool")
        .isFalse();
    quotas.account("Ds_v3", Tier.LOW_PRIORITY).release(4);
    assertThat(quotas.inUse("Fsv2", Tier.LOW_PRIORITY)).isZero();
    quotas.account("Ds_v3", Tier.DEDICATED).release(8);
    assertThat(quotas.inUse("Ds_v3", Tier.DEDICATED)).isZero();
    assertThatThrownBy(() -> quotas.account("Ds_v3", Tier.LOW_PRIORITY).release(1))
        .hasMessage("released more low-priority vCPUs than were acquired");
    assertThatThrownBy(() -> quotas.account("Ds_v3", Tier.DEDICATED).release(1))
        .hasMessage("released more Ds_v3 dedicated vCPUs than were acquired");
  }

  @Test
  void attachedPool_ofOneNode_isAccepted_andNoneIsNot() {
    assertThat(
            new AttachedSpec("vm", AttachedSpec.Kind.VIRTUAL_MACHINE, "Standard_D4s_v3", 1).nodes())
        .isEqualTo(1);
    assertThatThrownBy(
            () -> new AttachedSpec("vm", AttachedSpec.Kind.KUBERNETES, "Standard_D4s_v3", 0))
        .hasMessage("vm: an attached pool needs >= 1 node, was 0");
    assertThat(AttachedSpec.Kind.KUBERNETES.key()).isEqualTo("kubernetes");
    assertThat(AttachedSpec.Kind.VIRTUAL_MACHINE.key()).isEqualTo("virtualmachine");
  }

  @Test
  void preemptionRate_mustBePositive() {
    assertThatThrownBy(() -> new Preemption.Rate(0))
        .hasMessage("preemption rate must be finite and > 0 per node-hour, was 0.0");
    assertThat(new Preemption.Rate(Double.MIN_VALUE).perNodeHour()).isPositive();
  }

  @Test
  void keysAndExpressions_areTheScenarioFilesWords() {
    assertThat(OnPreemption.RESUBMIT.key()).isEqualTo("resubmit");
    assertThat(OnPreemption.FAIL.key()).isEqualTo("fail");
    Cron cron = new Cron("30 2 * * 1-5", ZoneId.of("Europe/Berlin"));
    assertThat(cron.expression()).isEqualTo("30 2 * * 1-5");
    assertThat(cron.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
  }

  @Test
  void aRefusedSetting_namesItsComputeKeyAndReason() {
    assertThatThrownBy(() -> ClusterSpec.defaults("cpu", "Standard_D4s_v3").withInstances(6, 4))
        .isInstanceOfSatisfying(
            InvalidSettingException.class,
            e -> {
              assertThat(e.owner()).isEqualTo(InvalidSettingException.Owner.COMPUTE);
              assertThat(e.name()).isEqualTo("cpu");
              assertThat(e.key()).isEqualTo("min_instances");
              assertThat(e.reason()).isEqualTo("must be <= max_instances (4), was 6");
            })
        .hasMessage("cpu: min_instances must be <= max_instances (4), was 6");
  }
}
