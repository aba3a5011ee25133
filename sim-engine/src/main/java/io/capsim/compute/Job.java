package io.capsim.compute;

import io.capsim.compute.pool.Node;

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
  private long checkpointedWorkMicros;
  private long segmentStartMicros;
  private long completionHandle;
  private long nodesCreatedMicros;
  private Node<Job>[] nodes = NO_NODES;

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

  // What a compute keeps on the job while it runs it; for compute implementations.

  /** The work left: all of it, less what checkpoints kept through preemptions. */
  public long remainingWorkMicros() {
    return workMicros - checkpointedWorkMicros;
  }

  /** The job (re)starts running at {@code nowMicros}. */
  public void startSegment(long nowMicros) {
    segmentStartMicros = nowMicros;
  }

  /**
   * The job is stopped at {@code nowMicros} (its node was preempted): the progress its checkpoints
   * kept since it last started is banked, and the rest is returned, lost.
   *
   * @return the microseconds of work lost
   */
  public long interruptSegment(long nowMicros) {
    long ran = nowMicros - segmentStartMicros;
    long kept = keptProgressMicros(ran);
    checkpointedWorkMicros += kept;
    return ran - kept;
  }

  /** The handle of the job's completion event, to cancel it; 0 when none is scheduled. */
  public long completionHandle() {
    return completionHandle;
  }

  public void completionHandle(long handle) {
    completionHandle = handle;
  }

  /** When the nodes made for this job alone were requested (serverless). */
  public long nodesCreatedMicros() {
    return nodesCreatedMicros;
  }

  public void nodesCreatedMicros(long micros) {
    nodesCreatedMicros = micros;
  }

  /** The pool nodes the job holds while it runs. */
  public Node<Job>[] nodes() {
    return nodes;
  }

  public void nodes(Node<Job>[] held) {
    nodes = held;
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
