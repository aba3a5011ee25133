package io.capsim.compute;

import io.capsim.engine.stat.QuantileRecorder;
import java.util.Optional;

/**
 * What every compute answers from its {@link Accounting}: node counts, waits, job reports. A kind
 * of compute extends it to share the books and their invariant checks.
 */
public abstract class AccountedCompute implements JobCompute {
  /** The widest job, in nodes, known to fit; whatever fits, anything narrower fits too. */
  private int widestFitting;

  /** The compute's books, created in its constructor. */
  protected abstract Accounting books();

  /**
   * Records {@code job}'s submission now; fails it and returns false when it can never run here.
   * {@link #whyCannotFit} is asked only about a job wider than any that fitted before, so that a
   * steady stream of jobs costs no quota lookups.
   */
  protected final boolean admit(Job job, long nowMicros) {
    int nodes = job.instanceCount();
    Optional<String> unfit = nodes <= widestFitting ? Optional.empty() : whyCannotFit(nodes);
    if (unfit.isEmpty()) {
      widestFitting = Math.max(widestFitting, nodes);
    }
    return books().admit(job, nowMicros, unfit);
  }

  /** Tells {@code visitor} of the jobs {@code queued}, then those {@code holding} nodes. */
  protected static void tellUnfinished(
      Iterable<Job> queued, Iterable<Job> holding, JobObserver visitor, long nowMicros) {
    queued.forEach(job -> visitor.onJobDone(job, nowMicros, QUEUED_AT_END));
    holding.forEach(job -> visitor.onJobDone(job, nowMicros, RUNNING_AT_END));
  }

  @Override
  public final void observeJobs(JobObserver observer) {
    books().jobs().observe(observer);
  }

  /** Its books' statistics; a compute with charges beyond its nodes adds them. */
  @Override
  public ComputeStats stats(long nowMicros) {
    return books().stats(nowMicros, queuedJobsNow(), runningJobsNow());
  }

  @Override
  public final int nodesNow() {
    return books().meter().nodes();
  }

  @Override
  public final QuantileRecorder waits() {
    return books().jobs().waitMicros();
  }
}
