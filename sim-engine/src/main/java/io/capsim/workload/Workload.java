package io.capsim.workload;

import io.capsim.catalog.Requirements;
import io.capsim.compute.OnPreemption;
import io.capsim.engine.random.Distribution;
import java.util.Optional;

/**
 * A stream of similar jobs sent to one compute.
 *
 * @param durationSeconds running time of one job on {@code referenceSize}
 * @param speedup how the duration scales on the compute's size
 * @param cuda the CUDA version the jobs need, checked against the GPU architecture, if stated
 * @param checkpointIntervalMicros progress between checkpoints, in microseconds; 0 when jobs never
 *     checkpoint
 * @param requires what a node must have for the jobs to run on it
 * @param interactive a person working (a Jupyter or VS Code session) rather than a job: it keeps a
 *     compute instance busy without taking a job slot, and runs on compute instances only
 */
public record Workload(
    String name,
    String compute,
    ArrivalProcess arrivals,
    int instanceCount,
    Distribution durationSeconds,
    String referenceSize,
    Speedup speedup,
    Optional<String> cuda,
    long checkpointIntervalMicros,
    OnPreemption onPreemption,
    boolean interactive,
    Requirements requires) {

  public Workload {
    if (instanceCount < 1) {
      throw new IllegalArgumentException(
          name + ": instance_count must be >= 1, was " + instanceCount);
    }
    if (checkpointIntervalMicros < 0) {
      throw new IllegalArgumentException(
          name + ": checkpoint_interval must be >= 0, was " + checkpointIntervalMicros);
    }
  }

  /**
   * One-node jobs that do not checkpoint, are resubmitted when preempted and take as long anywhere.
   */
  public static Workload simple(
      String name,
      String compute,
      ArrivalProcess arrivals,
      Distribution durationSeconds,
      String referenceSize) {
    return new Workload(
        name,
        compute,
        arrivals,
        1,
        durationSeconds,
        referenceSize,
        Speedup.NONE,
        Optional.empty(),
        0,
        OnPreemption.RESUBMIT,
        false,
        Requirements.none());
  }

  public Workload withInstanceCount(int count) {
    return new Workload(
        name,
        compute,
        arrivals,
        count,
        durationSeconds,
        referenceSize,
        speedup,
        cuda,
        checkpointIntervalMicros,
        onPreemption,
        interactive,
        requires);
  }

  /** This workload as people's interactive sessions, which only compute instances run. */
  public Workload asInteractive() {
    return new Workload(
        name,
        compute,
        arrivals,
        instanceCount,
        durationSeconds,
        referenceSize,
        speedup,
        cuda,
        checkpointIntervalMicros,
        onPreemption,
        true,
        requires);
  }

  public Workload withSpeedup(Speedup newSpeedup) {
    return new Workload(
        name,
        compute,
        arrivals,
        instanceCount,
        durationSeconds,
        referenceSize,
        newSpeedup,
        cuda,
        checkpointIntervalMicros,
        onPreemption,
        interactive,
        requires);
  }

  public Workload withCuda(String version) {
    return new Workload(
        name,
        compute,
        arrivals,
        instanceCount,
        durationSeconds,
        referenceSize,
        speedup,
        Optional.of(version),
        checkpointIntervalMicros,
        onPreemption,
        interactive,
        requires);
  }

  public Workload withCheckpointsEvery(long intervalMicros, OnPreemption newOnPreemption) {
    return new Workload(
        name,
        compute,
        arrivals,
        instanceCount,
        durationSeconds,
        referenceSize,
        speedup,
        cuda,
        intervalMicros,
        newOnPreemption,
        interactive,
        requires);
  }

  /** The same arrivals and durations as interactive sessions rather than jobs. */
  public Workload asInteractiveSessions() {
    return new Workload(
        name,
        compute,
        arrivals,
        instanceCount,
        durationSeconds,
        referenceSize,
        speedup,
        cuda,
        checkpointIntervalMicros,
        onPreemption,
        true,
        requires);
  }
}
