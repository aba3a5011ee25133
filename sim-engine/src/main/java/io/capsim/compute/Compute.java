package io.capsim.compute;

import io.capsim.catalog.VmSize;
import java.util.Optional;

/** A place jobs run: a cluster, an instance, serverless compute or an attached pool. */
public interface Compute {
  String name();

  /** The size of the nodes jobs run on, which their durations are scaled to. */
  VmSize size();

  /** Whether people's interactive sessions can run here (only compute instances). */
  default boolean runsInteractiveSessions() {
    return false;
  }

  /** Why a job needing {@code instanceCount} nodes can never run here; empty if it can. */
  Optional<String> whyCannotFit(int instanceCount);

  /** Accepts a job now; one that can never fit is failed at once with the reason. */
  void submit(Job job);

  /** Reports each job that completes or fails to {@code observer} (per-job tables). */
  void observeJobs(JobObserver observer);

  /** Nodes that exist now, in any state (provisioning, busy, idle, being released). */
  int nodesNow();

  /** Jobs waiting now for nodes, quota or a start. */
  int queuedJobsNow();

  /** Waits from submission to first start, since warm-up, in microseconds. */
  io.capsim.engine.stat.QuantileRecorder waits();

  /** Cost and job statistics since warm-up, up to {@code nowMicros}. */
  ComputeStats stats(long nowMicros);

  /**
   * Re-checks conservation at {@code nowMicros}: jobs in equal jobs out or still in, billed node
   * time equals node lifetimes, buckets sum to the total.
   *
   * @throws IllegalStateException naming the figures that disagree
   */
  void verifyInvariants(long nowMicros);
}
