/**
 * What every Azure ML compute shares: the {@link io.capsim.compute.Compute} interface, jobs, the
 * books each compute keeps (its node meter, job statistics and cost waterfall, with their invariant
 * checks), the one pricing decision, and the metrics a run reports. Each kind of compute lives in a
 * subpackage: {@code cluster} (compute clusters and attached pools), {@code instance} (compute
 * instances and their schedules), {@code serverless}; {@code pool} holds the node pool they share
 * with its quotas, tiers and preemption.
 */
@NullMarked
package io.capsim.compute;

import org.jspecify.annotations.NullMarked;
