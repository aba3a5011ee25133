package io.capsim.compute;

import io.capsim.catalog.VmSize;

/**
 * What every Azure ML compute target is, whatever it serves: named nodes of one size that exist
 * over time and cost money, with books that can be checked. {@link JobCompute} adds what a target
 * that runs jobs does; a target that serves requests adds its own.
 */
public interface Compute {
  String name();

  /** The size of its nodes. */
  VmSize size();

  /** Nodes that exist now, in any state (provisioning, busy, idle, being released). */
  int nodesNow();

  /** Its statistics since warm-up, up to {@code nowMicros}: cost, nodes, and what it served. */
  ComputeStats stats(long nowMicros);

  /**
   * Re-checks conservation at {@code nowMicros}: work in equals work out or still in, billed node
   * time equals node lifetimes, buckets sum to the total.
   *
   * @throws IllegalStateException naming the figures that disagree
   */
  void verifyInvariants(long nowMicros);
}
