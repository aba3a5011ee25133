/**
 * The Azure ML compute model: clusters, with their autoscaling, low-priority preemption and quotas,
 * and the statistics and cost waterfall each compute reports.
 */
@NullMarked
package io.capsim.compute;

import org.jspecify.annotations.NullMarked;
