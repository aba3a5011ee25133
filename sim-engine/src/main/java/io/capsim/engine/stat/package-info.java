/**
 * Statistics that never store every sample: Welford tallies with Student-t confidence intervals,
 * time-weighted averages and HdrHistogram quantiles, all resettable at the end of warm-up.
 */
@NullMarked
package io.capsim.engine.stat;

import org.jspecify.annotations.NullMarked;
