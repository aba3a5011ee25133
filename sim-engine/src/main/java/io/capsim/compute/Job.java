package io.capsim.compute;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One job submitted to a compute: how many nodes it needs at once and how much work it is, in
 * microseconds of running on that compute's size. Progress and timing are kept here as it moves
 * through the queue, runs, and is perhaps preempted.
 *
 * <p>A job belongs to its compute from submission until the compute's books record it completed or
 * failed; then it goes back to the spares it came from ({@link #reuse}), if any, and the workload
 * driver reuses the object for a later job, so a steady run allocates no job. A compute must not
 * keep a job past its end.
 */
public final class Job {
  private static final int[] NO_NODES = new int[0];
  private static final long NOT_STARTED = -1;

  /** A held node not set yet: no pool numbers a node so. */
  public static final int NO_NODE = -1;

  /**
   * What the jobs of one workload share.
   *
   * @param checkpointIntervalMicros progress between checkpoints; 0 when the jobs never checkpoint
   * @param interactive a person's interactive session rather than a job
   */
  public record Kind(
      String workload,
      long checkpointIntervalMicros,
      OnPreemption onPreemption,
      boolean interactive) {
    public Kind {
      if (checkpointIntervalMicros < 0) {
        throw new IllegalArgumentException(
            "the checkpoint interval must be >= 0, was " + checkpointIntervalMicros + " µs");
      }
    }
  }

  private final Kind kind;
  private final @Nullable ArrayDeque<Job> spares;
  private long id;
  private int instanceCount;
  private long workMicros;

  private long submittedMicros;
  private long firstStartMicros;
  private long checkpointedWorkMicros;
  private long segmentStartMicros;
  private long completionHandle;
  private long nodesCreatedMicros;
  private int firstNode = NO_NODE;
  private int[] otherNodes = NO_NODES;

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
    this(new Kind(workload, checkpointIntervalMicros, onPreemption, interactive), null);
    reset(id, instanceCount, workMicros);
  }

  private Job(Kind kind, @Nullable ArrayDeque<Job> spares) {
    this.kind = kind;
    this.spares = spares;
  }

  /**
   * A job of {@code kind}: a spare one if {@code spares} has any, else a new one that returns to
   * {@code spares} when it ends.
   */
  public static Job reuse(
      ArrayDeque<Job> spares, Kind kind, long id, int instanceCount, long workMicros) {
    Job job = spares.pollLast();
    if (job == null) {
      job = new Job(kind, spares);
    }
    job.reset(id, instanceCount, workMicros);
    return job;
  }

  private void reset(long newId, int newInstanceCount, long newWorkMicros) {
    if (newInstanceCount < 1) {
      throw new IllegalArgumentException("instance_count must be >= 1, was " + newInstanceCount);
    }
    if (newWorkMicros < 0) {
      throw new IllegalArgumentException("work must be >= 0, was " + newWorkMicros + " µs");
    }
    id = newId;
    instanceCount = newInstanceCount;
    workMicros = newWorkMicros;
    submittedMicros = 0;
    firstStartMicros = NOT_STARTED;
    checkpointedWorkMicros = 0;
    segmentStartMicros = 0;
    completionHandle = 0;
    nodesCreatedMicros = 0;
    firstNode = NO_NODE;
    Arrays.fill(otherNodes, NO_NODE);
  }

  /** The job has ended and been recorded: back to its spares, if it has any. */
  void ended() {
    if (spares != null) {
      spares.addLast(this);
    }
  }

  /** A person's interactive session rather than a job. */
  public boolean interactive() {
    return kind.interactive();
  }

  public long id() {
    return id;
  }

  public String workload() {
    return kind.workload();
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

  void submittedAt(long nowMicros) {
    submittedMicros = nowMicros;
  }

  /** True once the job has started at least once. */
  public boolean started() {
    return firstStartMicros != NOT_STARTED;
  }

  /** When it first started; meaningful only once {@link #started()}. */
  public long firstStartMicros() {
    return firstStartMicros;
  }

  void firstStartedAt(long nowMicros) {
    firstStartMicros = nowMicros;
  }

  public OnPreemption onPreemption() {
    return kind.onPreemption();
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

  /**
   * The {@code index}th of the {@link #instanceCount()} pool nodes (their numbers in the pool) the
   * job holds while it runs; {@link #NO_NODE} until the compute sets it. The first is a field and
   * the others an array kept with the job object, so a one-node job touches no array and a job
   * restarted or reused allocates none.
   */
  public int heldNode(int index) {
    return index == 0 ? firstNode : otherNodes()[index - 1];
  }

  /** Records that the job holds node {@code node} as its {@code index}th. */
  public void holdNode(int index, int node) {
    if (index == 0) {
      firstNode = node;
    } else {
      otherNodes()[index - 1] = node;
    }
  }

  private int[] otherNodes() {
    if (otherNodes.length != instanceCount - 1) {
      otherNodes = new int[instanceCount - 1];
      Arrays.fill(otherNodes, NO_NODE);
    }
    return otherNodes;
  }

  /**
   * Progress kept by checkpoints after running {@code ranMicros} of this segment: whole checkpoint
   * intervals, or nothing without checkpoints.
   */
  long keptProgressMicros(long ranMicros) {
    long interval = kind.checkpointIntervalMicros();
    if (interval == 0) {
      return 0;
    }
    return ranMicros / interval * interval;
  }
}
