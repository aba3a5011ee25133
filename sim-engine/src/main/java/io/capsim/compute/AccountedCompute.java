package io.capsim.compute;

import io.capsim.engine.stat.QuantileRecorder;

/** What every compute answers from its {@link Accounting}: node counts, waits, job reports. */
abstract class AccountedCompute implements Compute {
  /** The compute's books, created in its constructor. */
  abstract Accounting books();

  @Override
  public final void observeJobs(JobObserver observer) {
    books().jobs.observe(observer);
  }

  @Override
  public final int nodesNow() {
    return books().meter.nodes();
  }

  @Override
  public final QuantileRecorder waits() {
    return books().jobs.waitMicros();
  }
}
