package io.capsim.compute;

import io.capsim.engine.Resettable;
import io.capsim.engine.SimTime;
import io.capsim.engine.stat.QuantileRecorder;
import io.capsim.engine.stat.Tally;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts and timings of one compute's jobs since the start or warm-up: waits from submission to
 * first start, turnaround from submission to completion, failures by reason, preemptions.
 */
public final class JobStats implements Resettable {
  private long submitted;
  private long completed;
  private long failed;
  private long preemptions;
  private long inSystemAtReset;
  private final Tally waitSeconds = new Tally();
  private final QuantileRecorder waitMicros = new QuantileRecorder();
  private final Tally turnaroundSeconds = new Tally();
  private final Map<String, Long> failuresByReason = new TreeMap<>();

  void recordSubmitted() {
    submitted++;
  }

  private JobObserver observer = (job, now, outcome) -> {};

  void observe(JobObserver jobObserver) {
    observer = jobObserver;
  }

  /** Records the first start of {@code job} at {@code nowMicros} and its wait. */
  void recordStarted(Job job, long nowMicros) {
    job.firstStartedAt(nowMicros);
    long waitedMicros = nowMicros - job.submittedMicros();
    waitSeconds.record(SimTime.microsToSeconds(waitedMicros));
    waitMicros.record(waitedMicros);
  }

  void recordCompleted(Job job, long nowMicros) {
    completed++;
    turnaroundSeconds.record(SimTime.microsToSeconds(nowMicros - job.submittedMicros()));
    observer.onJobDone(job, nowMicros, "completed");
  }

  void recordFailed(Job job, String reason, long nowMicros) {
    failed++;
    failuresByReason.merge(reason, 1L, Long::sum);
    observer.onJobDone(job, nowMicros, reason);
  }

  void recordPreemption() {
    preemptions++;
  }

  public long submitted() {
    return submitted;
  }

  public long completed() {
    return completed;
  }

  public long failed() {
    return failed;
  }

  public long preemptions() {
    return preemptions;
  }

  /** Jobs in the system at the last reset (the warm-up), 0 without one. */
  public long carriedIn() {
    return inSystemAtReset;
  }

  public Tally waitSeconds() {
    return waitSeconds;
  }

  public QuantileRecorder waitMicros() {
    return waitMicros;
  }

  public Tally turnaroundSeconds() {
    return turnaroundSeconds;
  }

  public Map<String, Long> failuresByReason() {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(failuresByReason));
  }

  /**
   * Checks that every job is accounted for: those in the system at the last reset plus those
   * submitted since equal those completed, failed, and still queued or running.
   */
  void verify(long queuedOrRunning, String compute) {
    if (inSystemAtReset + submitted != completed + failed + queuedOrRunning) {
      throw new IllegalStateException(
          String.format(
              "%s: jobs not conserved: %d carried over + %d submitted != %d completed + %d failed"
                  + " + %d queued or running",
              compute, inSystemAtReset, submitted, completed, failed, queuedOrRunning));
    }
  }

  /**
   * Resets the counters; {@link #carryOver} must then say how many jobs are still in the system.
   */
  @Override
  public void reset(long nowMicros) {
    submitted = 0;
    completed = 0;
    failed = 0;
    preemptions = 0;
    waitSeconds.reset(nowMicros);
    waitMicros.reset(nowMicros);
    turnaroundSeconds.reset(nowMicros);
    failuresByReason.clear();
  }

  void carryOver(long queuedOrRunning) {
    inSystemAtReset = queuedOrRunning;
  }
}
