/**
 * Reports of finished runs: the recommendation (the cheapest configuration that meets the
 * constraints at its 95 % upper bound, with the points statistically indistinguishable from it),
 * Azure ML compute YAML for it, charts and a self-contained HTML report.
 */
@NullMarked
package io.capsim.report;

import org.jspecify.annotations.NullMarked;
