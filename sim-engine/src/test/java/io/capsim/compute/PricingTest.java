package io.capsim.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.catalog.CatalogException;
import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.cluster.ComputeCluster;
import io.capsim.compute.pool.Preemption;
import io.capsim.compute.pool.Quotas;
import io.capsim.compute.pool.Tier;
import org.junit.jupiter.api.Test;

/**
 * The one decision of what a node pays, against the built-in catalog's eastus rows (derived from
 * vms.csv): Standard_D4s_v3 is $0.192 an hour pay-as-you-go and $0.036902 Spot; Standard_B12ms has
 * no Spot price there.
 */
class PricingTest {
  private final Pricing eastus = Pricing.builtin("eastus");

  @Test
  void dedicatedPaysPayAsYouGo_lowPriorityPaysSpot() {
    assertThat(eastus.region()).isEqualTo("eastus");
    assertThat(eastus.nodePerHourUsd("Standard_D4s_v3", Tier.DEDICATED)).isEqualTo(0.192);
    assertThat(eastus.nodePerHourUsd("Standard_D4s_v3", Tier.LOW_PRIORITY)).isEqualTo(0.036902);
  }

  @Test
  void lowPriorityWithoutASpotPrice_isRefusedNamingSizeAndRegion() {
    assertThat(eastus.nodePerHourUsd("Standard_B12ms", Tier.DEDICATED)).isEqualTo(0.499);
    assertThatThrownBy(() -> eastus.nodePerHourUsd("Standard_B12ms", Tier.LOW_PRIORITY))
        .isInstanceOf(CatalogException.class)
        .hasMessage("Standard_B12ms has no Spot (low-priority) price in eastus");
  }

  @Test
  void aRegionTheCatalogDoesNotKnow_isRefusedWithASuggestion() {
    assertThatThrownBy(() -> Pricing.builtin("eastuss").checkOffered("Standard_D4s_v3"))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("unknown region \"eastuss\"; did you mean eastus");
  }

  @Test
  void aLowPriorityClusterBillsItsNodesAtTheSpotPrice() {
    ClusterSpec spec =
        ClusterSpec.defaults("lp", "Standard_D4s_v3").withLowPriority(Preemption.none());
    ComputeCluster cluster =
        new ComputeCluster(new io.capsim.engine.Simulation(1, 0), spec, eastus, Quotas.unlimited());
    assertThat(cluster.pricePerHourUsd()).isEqualTo(0.036902);
  }
}
