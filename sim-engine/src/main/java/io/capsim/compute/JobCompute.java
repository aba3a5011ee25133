package io.capsim.compute;

import io.capsim.engine.stat.QuantileRecorder;
import java.util.Optional;

/**
 * A compute that runs jobs: a cluster, an instance, serverless compute or an attached pool. Its
 * statistics hold {@link JobResults}.
 */
public interface JobCompute extends Compute {
  /** The size jobs run on, which their durations are scaled to. */
  @Override
  io.capsim.catalog.VmSize size();

  /** Whether people's interactive sessions can run here (only compute instances). */
  default boolean runsInteractiveSessions() {
    return false;
  }

  /**
   * Why a job needing {@code instanceCount} nodes can never run here; empty if it can. A job that
   * cannot fit makes every wider job unfit too, which callers may rely on to search by halving.
   */
  Optional<String> whyCannotFit(int instanceCount);

  /**
   * The most nodes, up to {@code atMost}, that one job may need and still fit, found by halving: a
   * trace job may ask for billions.
   */
  default int widestJobThatFits(int atMost) {
    int fits = 0;
    int doesNotFit = atMost;
    if (whyCannotFit(atMost).isEmpty()) {
      return atMost;
    }
    while (doesNotFit - fits > 1) {
      int middle = fits + (doesNotFit - fits) / 2;
      if (whyCannotFit(middle).isPresent()) {
        doesNotFit = middle;
      } else {
        fits = middle;
      }
    }
    return fits;
  }

  /**
   * How many nodes' worth of jobs can run at once at the most: the widest job that fits, which
   * max_instances and the quota bound. Work offered beyond it can only queue.
   */
  default int capacityNodes() {
    return widestJobThatFits(Integer.MAX_VALUE);
  }

  /** Accepts a job now; one that can never fit is failed at once with the reason. */
  void submit(Job job);

  /** Reports each job that completes or fails to {@code observer} (per-job tables). */
  void observeJobs(JobObserver observer);

  /** Jobs waiting now for nodes, quota or a start. */
  int queuedJobsNow();

  /** Jobs holding nodes now (or, on an instance, a vCPU or a session), starting or running. */
  int runningJobsNow();

  /** The outcome, in per-job tables, of a job still waiting at the end of the run. */
  String QUEUED_AT_END = "queued at the horizon";

  /** The outcome, in per-job tables, of a job holding nodes at the end of the run. */
  String RUNNING_AT_END = "running at the horizon";

  /**
   * Tells {@code visitor} of every job still queued ({@link #QUEUED_AT_END}) or holding nodes
   * ({@link #RUNNING_AT_END}) at {@code nowMicros}, the end of the run, for per-job tables.
   */
  void forEachUnfinishedJob(JobObserver visitor, long nowMicros);

  /** Waits from submission to first start, since warm-up, in microseconds. */
  QuantileRecorder waits();
}
