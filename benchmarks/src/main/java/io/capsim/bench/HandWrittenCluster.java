package io.capsim.bench;

import io.capsim.cost.NodeMeter;
import io.capsim.engine.SimTime;
import io.capsim.engine.model.LongFifo;
import io.capsim.engine.random.Sampler;
import io.capsim.engine.stat.QuantileRecorder;
import io.capsim.engine.stat.Tally;

/**
 * The autoscaling cluster of {@link ClusterBenchmark} as one loop with no engine and no objects:
 * nodes are indices into primitive arrays, events sit in a primitive heap ordered by (time,
 * insertion), idle nodes in an intrusive last-in first-out list whose oldest end is the next to
 * time out, behind a single timer, and waiting jobs in ring buffers. One-node jobs, no floor, no
 * quota, no preemption: what the benchmark's cluster does, and nothing else.
 *
 * <p>It draws from the same streams in the same order, schedules the same events in the same order
 * (so ties at one microsecond break the same way) and records the same statistics as capsim's
 * {@code ComputeCluster} driven by a {@code WorkloadDriver}; a test checks that both follow the
 * same sample path. The gap between them is what capsim's structure costs.
 */
final class HandWrittenCluster {
  private static final int ARRIVAL = 0;
  private static final int READY = 1;
  private static final int DONE = 2;
  private static final int IDLE_TIMER = 3;
  private static final int RELEASED = 4;
  private static final int KIND_BITS = 3;
  private static final int NODE_BITS = 21;
  private static final int NONE = -1;

  /** What the run measured, in the units of capsim's statistics. */
  record Result(
      long submitted,
      long completed,
      double waitMeanSeconds,
      double waitP95Seconds,
      double turnaroundMeanSeconds,
      double nodeHours,
      double busyNodeHours,
      int peakNodes) {}

  private final int maxNodes;
  private final long idleTimeoutMicros;
  private final long scaleDownMicros;
  private final Sampler interarrivalSeconds;
  private final Sampler durationSeconds;
  private final Sampler provisioningSeconds;

  private final Tally waitSeconds = new Tally();
  private final QuantileRecorder waitMicros = new QuantileRecorder();
  private final Tally turnaroundSeconds = new Tally();
  private final NodeMeter meter;
  private long submitted;
  private long completed;

  // The calendar: a binary heap of (time, key) pairs side by side in one array, the key being
  // insertion sequence, node + 1 and kind in one long, so ties break by insertion.
  private long[] heap = new long[2048];
  private int events;
  private boolean holeAtTop;
  private long sequence;
  private long nowMicros;

  // Nodes by index; freed indices are reused.
  private final long[] createdMicros;
  private final long[] idleDeadline;
  private final long[] jobSubmittedMicros;
  private final int[] newerIdle;
  private final int[] olderIdle;
  private final int[] freeNodes;
  private int freeCount;
  private int aliveNodes;
  private int provisioningNodes;
  private int idleHead = NONE;
  private int idleTail = NONE;
  private int idleCount;
  private boolean timerPending;

  private final LongFifo queuedSubmitted = new LongFifo();
  private final LongFifo queuedWork = new LongFifo();

  HandWrittenCluster(
      int maxNodes,
      long idleTimeoutMicros,
      long scaleDownMicros,
      Sampler interarrivalSeconds,
      Sampler durationSeconds,
      Sampler provisioningSeconds) {
    if (maxNodes >= 1 << NODE_BITS) {
      throw new IllegalArgumentException("at most 2^21 - 1 nodes, was " + maxNodes);
    }
    this.maxNodes = maxNodes;
    this.idleTimeoutMicros = idleTimeoutMicros;
    this.scaleDownMicros = scaleDownMicros;
    this.interarrivalSeconds = interarrivalSeconds;
    this.durationSeconds = durationSeconds;
    this.provisioningSeconds = provisioningSeconds;
    this.meter = new NodeMeter(0, maxNodes);
    createdMicros = new long[maxNodes];
    idleDeadline = new long[maxNodes];
    jobSubmittedMicros = new long[maxNodes];
    newerIdle = new int[maxNodes];
    olderIdle = new int[maxNodes];
    freeNodes = new int[maxNodes];
    for (int node = 0; node < maxNodes; node++) {
      freeNodes[freeCount++] = maxNodes - 1 - node;
    }
  }

  /** Simulates until {@code endMicros} and returns what capsim's statistics would say. */
  Result run(long endMicros) {
    schedule(nowMicros + SimTime.secondsToMicros(interarrivalSeconds.sample()), ARRIVAL, NONE);
    while (events > 0 && heap[0] <= endMicros) {
      nowMicros = heap[0];
      long key = heap[1];
      int kind = (int) (key & ((1 << KIND_BITS) - 1));
      int node = (int) ((key >>> KIND_BITS) & ((1 << NODE_BITS) - 1)) - 1;
      holeAtTop = true;
      switch (kind) {
        case ARRIVAL -> onArrival();
        case READY -> onReady(node);
        case DONE -> onDone(node);
        case IDLE_TIMER -> onIdleTimer();
        default -> onReleased(node);
      }
      if (holeAtTop) {
        holeAtTop = false;
        removeTop();
      }
    }
    nowMicros = endMicros;
    return result();
  }

  private void onArrival() {
    long workMicros = SimTime.secondsToMicros(durationSeconds.sample());
    schedule(nowMicros + SimTime.secondsToMicros(interarrivalSeconds.sample()), ARRIVAL, NONE);
    submitted++;
    queuedSubmitted.add(nowMicros);
    queuedWork.add(workMicros);
    dispatch();
    scaleUp();
  }

  private void dispatch() {
    while (!queuedSubmitted.isEmpty() && idleCount > 0) {
      int node = takeIdle();
      meter.change(nowMicros, 0, 1, -1);
      long submittedMicros = queuedSubmitted.remove();
      long waited = nowMicros - submittedMicros;
      waitSeconds.record(SimTime.microsToSeconds(waited));
      waitMicros.record(waited);
      jobSubmittedMicros[node] = submittedMicros;
      schedule(nowMicros + queuedWork.remove(), DONE, node);
    }
  }

  private void scaleUp() {
    long wanted = (long) queuedSubmitted.size() - idleCount - provisioningNodes;
    while (wanted > 0 && aliveNodes < maxNodes) {
      int node = freeNodes[--freeCount];
      aliveNodes++;
      provisioningNodes++;
      createdMicros[node] = nowMicros;
      meter.change(nowMicros, 1, 0, 0);
      schedule(nowMicros + SimTime.secondsToMicros(provisioningSeconds.sample()), READY, node);
      wanted--;
    }
  }

  private void onReady(int node) {
    provisioningNodes--;
    meter.change(nowMicros, -1, 0, 1);
    becomeIdle(node);
    dispatch();
  }

  private void onDone(int node) {
    completed++;
    turnaroundSeconds.record(SimTime.microsToSeconds(nowMicros - jobSubmittedMicros[node]));
    meter.change(nowMicros, 0, -1, 1);
    becomeIdle(node);
    dispatch();
  }

  /** Releases the idle nodes whose timeout is due, oldest first; one-node jobs never leave any. */
  private void onIdleTimer() {
    timerPending = false;
    while (idleTail != NONE && idleDeadline[idleTail] <= nowMicros) {
      int node = idleTail;
      unlinkIdle(node);
      schedule(nowMicros + scaleDownMicros, RELEASED, node);
    }
    armTimer();
  }

  private void onReleased(int node) {
    meter.change(nowMicros, 0, 0, -1);
    meter.nodeEnded(nowMicros, createdMicros[node]);
    aliveNodes--;
    freeNodes[freeCount++] = node;
    scaleUp();
  }

  private void becomeIdle(int node) {
    idleDeadline[node] = nowMicros + idleTimeoutMicros;
    olderIdle[node] = idleHead;
    newerIdle[node] = NONE;
    if (idleHead != NONE) {
      newerIdle[idleHead] = node;
    } else {
      idleTail = node;
    }
    idleHead = node;
    idleCount++;
    armTimer();
  }

  private int takeIdle() {
    int node = idleHead;
    unlinkIdle(node);
    return node;
  }

  private void unlinkIdle(int node) {
    int older = olderIdle[node];
    int newer = newerIdle[node];
    if (newer != NONE) {
      olderIdle[newer] = older;
    } else {
      idleHead = older;
    }
    if (older != NONE) {
      newerIdle[older] = newer;
    } else {
      idleTail = newer;
    }
    idleCount--;
  }

  /**
   * One timer for the oldest idle node; a timer already due earlier re-arms itself when it fires.
   */
  private void armTimer() {
    if (!timerPending && idleTail != NONE) {
      timerPending = true;
      schedule(idleDeadline[idleTail], IDLE_TIMER, NONE);
    }
  }

  private void schedule(long timeMicros, int kind, int node) {
    long key = (++sequence << (NODE_BITS + KIND_BITS)) | ((long) (node + 1) << KIND_BITS) | kind;
    if (holeAtTop) {
      // The event being handled is still at the top: the first it schedules takes its place.
      holeAtTop = false;
      siftDown(timeMicros, key);
      return;
    }
    if (2 * events == heap.length) {
      heap = java.util.Arrays.copyOf(heap, heap.length * 2);
    }
    int position = events++;
    while (position > 0) {
      int parent = (position - 1) >>> 1;
      if (!before(timeMicros, key, heap[2 * parent], heap[2 * parent + 1])) {
        break;
      }
      heap[2 * position] = heap[2 * parent];
      heap[2 * position + 1] = heap[2 * parent + 1];
      position = parent;
    }
    heap[2 * position] = timeMicros;
    heap[2 * position + 1] = key;
  }

  private void removeTop() {
    int last = --events;
    if (last > 0) {
      siftDown(heap[2 * last], heap[2 * last + 1]);
    }
  }

  /** Puts (time, key) at the top and sifts it down to its place. */
  private void siftDown(long time, long key) {
    int position = 0;
    while (true) {
      int child = 2 * position + 1;
      if (child >= events) {
        break;
      }
      if (child + 1 < events
          && before(
              heap[2 * child + 2], heap[2 * child + 3], heap[2 * child], heap[2 * child + 1])) {
        child++;
      }
      if (!before(heap[2 * child], heap[2 * child + 1], time, key)) {
        break;
      }
      heap[2 * position] = heap[2 * child];
      heap[2 * position + 1] = heap[2 * child + 1];
      position = child;
    }
    heap[2 * position] = time;
    heap[2 * position + 1] = key;
  }

  private static boolean before(long time, long key, long otherTime, long otherKey) {
    return time < otherTime || (time == otherTime && key < otherKey);
  }

  private Result result() {
    double nodeHours = SimTime.microsToSeconds(meter.billedNodeMicros(nowMicros)) / 3600;
    double busyHours = SimTime.microsToSeconds(meter.busyNodeMicros(nowMicros)) / 3600;
    return new Result(
        submitted,
        completed,
        waitSeconds.mean(),
        SimTime.microsToSeconds(waitMicros.quantileMicros(0.95)),
        turnaroundSeconds.mean(),
        nodeHours,
        busyHours,
        meter.peakNodes());
  }
}
