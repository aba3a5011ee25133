package io.capsim.compute;

import io.capsim.catalog.Catalog;
import io.capsim.catalog.CatalogException;
import io.capsim.catalog.VmPrice;
import io.capsim.catalog.VmSize;
import io.capsim.compute.pool.Tier;

/**
 * The one place that decides what a node costs an hour: the chosen catalog's Linux price for its
 * size in the scenario's region, pay-as-you-go for dedicated nodes and Spot for low priority, with
 * no commitment. Every compute asks here, so a catalog of the user's own prices, a discount or a
 * reservation changes this class and nothing else.
 */
public final class Pricing {
  /** Hours in a month as Azure's pricing calculator counts them, for monthly figures. */
  public static final double HOURS_PER_MONTH = 730;

  /**
   * A standard load balancer's price, about $0.33 a day: an assumption, as Azure ML does not list
   * the load balancers it starts; a cluster has one per started 50 nodes, an instance one always.
   */
  public static final double LOAD_BALANCER_USD_PER_DAY = 0.33;

  private final Catalog catalog;
  private final String region;

  public Pricing(Catalog catalog, String region) {
    this.catalog = catalog;
    this.region = region;
  }

  /** The built-in catalog's prices in {@code region}. */
  public static Pricing builtin(String region) {
    return new Pricing(Catalog.builtin(), region);
  }

  public Catalog catalog() {
    return catalog;
  }

  public String region() {
    return region;
  }

  /**
   * The size named {@code size}.
   *
   * @throws CatalogException when the catalog has no such size
   */
  public VmSize size(String size) {
    return catalog.size(size);
  }

  /**
   * Checks that {@code size} is offered in the region.
   *
   * @throws CatalogException naming the size and the region when it is not
   */
  public void checkOffered(String size) {
    catalog.price(size, region);
  }

  /**
   * What one node of {@code size} at {@code tier} costs an hour, in USD.
   *
   * @throws CatalogException when the size is not offered in the region, or has no Spot price there
   *     for a low-priority node
   */
  public double nodePerHourUsd(String size, Tier tier) {
    VmPrice price = catalog.price(size, region);
    if (tier == Tier.DEDICATED) {
      return price.payAsYouGoUsdPerHour();
    }
    return price
        .spotUsdPerHour()
        .orElseThrow(
            () -> new CatalogException(size + " has no Spot (low-priority) price in " + region));
  }
}
