/**
 * The node pool: VMs of one size from request to release, their idle timers, the release race, the
 * floor, the shared vCPU quotas, tiers and low-priority preemption, and the meter that follows
 * them; its owner decides what runs.
 */
@NullMarked
package io.capsim.compute.pool;

import org.jspecify.annotations.NullMarked;
