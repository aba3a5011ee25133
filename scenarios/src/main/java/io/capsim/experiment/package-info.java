/**
 * Runs scenarios: each (sweep point, replication) as a pure function of its inputs, in parallel,
 * with the same results whatever the thread count; means and confidence intervals per point.
 */
@NullMarked
package io.capsim.experiment;

import org.jspecify.annotations.NullMarked;
