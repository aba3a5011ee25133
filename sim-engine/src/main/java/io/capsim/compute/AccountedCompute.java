package io.capsim.compute;

import io.capsim.engine.stat.QuantileRecorder;

/**
 * What every compute answers from its {@link Accounting}: node counts, waits, job reports. A kind
 * of compute extends it to share the books and their invariant checks.
 */
public abstract class AccountedCompute implements JobCompute {
  /** The compute's books, created in its constructor. */
  protected abstract Accounting books();

  @Override
  public final void observeJobs(JobObserver observer) {
    books().jobs().observe(observer);
  }

  /** Its books' statistics; a compute with charges beyond its nodes adds them. */
  @Override
  public ComputeStats stats(long nowMicros) {
    return books().stats(nowMicros);
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
