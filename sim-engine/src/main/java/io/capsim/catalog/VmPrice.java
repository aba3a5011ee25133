package io.capsim.catalog;

import java.util.OptionalDouble;

/**
 * Linux prices of one size in one region, in USD per hour.
 *
 * @param payAsYouGoUsdPerHour the dedicated (pay-as-you-go) price
 * @param spotUsdPerHour the Spot price, which the catalog uses for low priority: it is the nearest
 *     published figure (Azure ML's low-priority meters are not in the source data); absent where
 *     the size has no Spot offer in the region
 */
public record VmPrice(double payAsYouGoUsdPerHour, OptionalDouble spotUsdPerHour) {}
