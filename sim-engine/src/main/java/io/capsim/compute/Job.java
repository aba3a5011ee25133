package io.capsim.compute;

/**
 * One job submitted to a compute: how many nodes it needs at once and how much work it is, in
 * microseconds of running on that compute's size. Progress and timing are kept here as it moves
 * through the queue, runs, and is perhaps preempted.
 */
public final class Job {
  @SuppressWarnings("unchecked") // empty: holds no node of any kind
  private static final Node<Job>[] NO_NODES = (Node<Job>[]) new Node<?>[0];

  private final long id;
  private final String workload;
  private final int instanceCount;
  private final long workMicros;
  private final long checkpointIntervalMicros;
  private final OnPreemption onPreemption;
  private final boolean interactive;

  long submittedMicros;
  boolean started;
  long firstStartMicros;
  long checkpointedWorkMicros;
  long segmentStartMicros;
  long completionHandle;
  long nodesCreatedMicros;
  Node<Job>[] nodes = NO_NODES;

  /**
   * @param workMicros running time on the compute's size, already scaled from the reference size
   * @param checkpointIntervalMicros progress between checkpoints; 0 when the job never checkpoints
   */
  public Job(
      long id,
      String workload,
      int instanceCount,
      long workMicros,
      long checkpointIntervalMicros,
      OnPreemption onPreemption,
      boolean interactive) {
    if (instanceCount < 1) {
      throw new IllegalArgumentException("instance_count must be >= 1, was " + instanceCount);
    }
    if (workMicros < 0 || checkpointIntervalMicros < 0) {
      throw new IllegalArgumentException(
          "work and checkpoint interval must be >= 0, were "
              + workMicros
              + " and "
              + checkpointIntervalMicros
              + " µs");
    }
    this.id = id;
    this.workload = workload;
    this.instanceCount = instanceCount;
    this.workMicros = workMicros;
    this.checkpointIntervalMicros = checkpointIntervalMicros;
    this.onPreemption = onPreemption;
    this.interactive = interactive;
  }

  /** A person's interactive session rather than a job. */
  public boolean interactive() {
    return interactive;
  }

  public long id() {
    return id;
  }

  public String workload() {
    return workload;
  }

  public int instanceCount() {
    return instanceCount;
  }

  public long workMicros() {
    return workMicros;
  }

  /** When the job was submitted, in microseconds from the start of the run. */
  public long submittedMicros() {
    return submittedMicros;
  }

  /** True once the job has started at least once. */
  public boolean started() {
    return started;
  }

  /** When it first started; meaningful only once {@link #started()}. */
  public long firstStartMicros() {
    return firstStartMicros;
  }

  public OnPreemption onPreemption() {
    return onPreemption;
  }

  long remainingWorkMicros() {
    return workMicros - checkpointedWorkMicros;
  }

  /**
   * Progress kept by checkpoints after running {@code ranMicros} of this segment: whole checkpoint
   * intervals, or nothing without checkpoints.
   */
  long keptProgressMicros(long ranMicros) {
    if (checkpointIntervalMicros == 0) {
      return 0;
    }
    return ranMicros / checkpointIntervalMicros * checkpointIntervalMicros;
  }
}
