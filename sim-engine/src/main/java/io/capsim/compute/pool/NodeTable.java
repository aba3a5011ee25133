package io.capsim.compute.pool;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The nodes of one pool, as columns indexed by node number: what each is busy with, when it was
 * requested, when its idle timeout falls, its preemption event. Every node alive is in a dense list
 * (for lifetimes), and the idle ones in a last-in first-out list linked by number, newest first, so
 * the most recently used node is reused first and the others can time out. With one idle timeout
 * per pool the idle list is also in order of deadlines, oldest last: the nodes whose timeout has
 * been handled (kept for work waiting or for the floor) are a run at the old end, and {@link
 * #nextToExpire}, the oldest of the others, has the only deadline the pool needs on the calendar.
 * Every operation is O(1) except {@link #releaseTimedOut}, which walks the expired run.
 *
 * <p>Columns rather than a node object each: a completion, an hour of simulated time after its
 * start, then reads a few dense arrays instead of an object last touched that long ago, and a node
 * going idle and busy stores {@code int}s and {@code long}s, not references (each a GC write
 * barrier). The number of a node that is gone is reused by a later one, so the table is as large as
 * the most nodes alive at once.
 *
 * @param <W> what the pool's owner runs on a node
 */
final class NodeTable<W> {
  static final int NONE = -1;
  private static final int INITIAL_CAPACITY = 16;

  private long[] createdMicros = new long[INITIAL_CAPACITY];
  private long[] idleDeadlineMicros = new long[INITIAL_CAPACITY];
  private long[] preemptionHandles = new long[INITIAL_CAPACITY];
  private Object[] work = new Object[INITIAL_CAPACITY];
  private boolean[] idleTimeoutPassed = new boolean[INITIAL_CAPACITY];
  private int[] aliveIndex = new int[INITIAL_CAPACITY];
  private int[] newerIdle = new int[INITIAL_CAPACITY];
  private int[] olderIdle = new int[INITIAL_CAPACITY];

  private int[] alive = new int[INITIAL_CAPACITY];
  private int aliveCount;
  private int[] freeNumbers = new int[INITIAL_CAPACITY];
  private int freeCount;
  private int numbered;

  private int newestIdle = NONE;
  private int oldestIdle = NONE;
  private int nextToExpire = NONE;
  private int idleCount;
  private int timedOutIdleCount;

  int aliveCount() {
    return aliveCount;
  }

  /** Tells {@code visitor} of every alive node with work, and the work, in alive order. */
  @SuppressWarnings("unchecked") // work[] holds only W
  void forEachBusy(java.util.function.ObjIntConsumer<W> visitor) {
    for (int i = 0; i < aliveCount; i++) {
      int node = alive[i];
      if (work[node] != null) {
        visitor.accept((W) work[node], node);
      }
    }
  }

  int idleCount() {
    return idleCount;
  }

  /** Idle nodes whose idle timeout has passed while jobs were waiting. */
  int timedOutIdleCount() {
    return timedOutIdleCount;
  }

  /** A new node, requested at {@code nowMicros}, alive and not idle; returns its number. */
  int add(long nowMicros) {
    int node = freeCount > 0 ? freeNumbers[--freeCount] : number();
    createdMicros[node] = nowMicros;
    preemptionHandles[node] = 0;
    aliveIndex[node] = aliveCount;
    alive[aliveCount++] = node;
    return node;
  }

  private int number() {
    if (numbered == work.length) {
      int capacity = numbered * 2;
      createdMicros = Arrays.copyOf(createdMicros, capacity);
      idleDeadlineMicros = Arrays.copyOf(idleDeadlineMicros, capacity);
      preemptionHandles = Arrays.copyOf(preemptionHandles, capacity);
      work = Arrays.copyOf(work, capacity);
      idleTimeoutPassed = Arrays.copyOf(idleTimeoutPassed, capacity);
      aliveIndex = Arrays.copyOf(aliveIndex, capacity);
      newerIdle = Arrays.copyOf(newerIdle, capacity);
      olderIdle = Arrays.copyOf(olderIdle, capacity);
      alive = Arrays.copyOf(alive, capacity);
      freeNumbers = Arrays.copyOf(freeNumbers, capacity);
    }
    return numbered++;
  }

  /** {@code node} is gone (neither idle nor busy); its number will serve a later node. */
  void remove(int node) {
    int last = alive[--aliveCount];
    if (last != node) {
      alive[aliveIndex[node]] = last;
      aliveIndex[last] = aliveIndex[node];
    }
    work[node] = null;
    freeNumbers[freeCount++] = node;
  }

  long createdMicros(int node) {
    return createdMicros[node];
  }

  /** What {@code node} is busy with; null unless busy (so busy exactly when it has work). */
  @SuppressWarnings("unchecked") // only a W is ever stored
  @Nullable W work(int node) {
    return (W) work[node];
  }

  void work(int node, @Nullable W newWork) {
    work[node] = newWork;
  }

  long preemptionHandle(int node) {
    return preemptionHandles[node];
  }

  void preemptionHandle(int node, long handle) {
    preemptionHandles[node] = handle;
  }

  long idleDeadlineMicros(int node) {
    return idleDeadlineMicros[node];
  }

  /** The oldest idle node whose timeout has not been handled yet; {@link #NONE} when none is. */
  int nextToExpire() {
    return nextToExpire;
  }

  /**
   * The timeout of {@link #nextToExpire} (not {@link #NONE}) is handled: the next newer idle node
   * is the next to expire. The node stays idle unless the caller removes it.
   */
  void expireNext() {
    if (nextToExpire == NONE) {
      throw new IllegalStateException("no idle node to expire");
    }
    nextToExpire = newerIdle[nextToExpire];
  }

  /** {@code node}'s timeout passed while work was waiting: it is to be released once none waits. */
  void markTimedOut(int node) {
    idleTimeoutPassed[node] = true;
    timedOutIdleCount++;
  }

  /**
   * Unmarks the idle nodes marked timed out, oldest first, and hands each to {@code release}, which
   * may remove it from the idle list.
   */
  void releaseTimedOut(IntConsumer release) {
    int node = oldestIdle;
    while (timedOutIdleCount > 0 && node != NONE && node != nextToExpire) {
      int newer = newerIdle[node];
      if (idleTimeoutPassed[node]) {
        idleTimeoutPassed[node] = false;
        timedOutIdleCount--;
        release.accept(node);
      }
      node = newer;
    }
  }

  /** {@code node} became idle now, with the latest deadline of all: {@code deadlineMicros}. */
  void pushIdle(int node, long deadlineMicros) {
    work[node] = null;
    idleDeadlineMicros[node] = deadlineMicros;
    newerIdle[node] = NONE;
    olderIdle[node] = newestIdle;
    if (newestIdle != NONE) {
      newerIdle[newestIdle] = node;
    } else {
      oldestIdle = node;
    }
    newestIdle = node;
    if (nextToExpire == NONE) {
      nextToExpire = node;
    }
    idleCount++;
  }

  /** The most recently idle node, no longer idle. */
  int popIdle() {
    if (newestIdle == NONE) {
      throw new IllegalStateException("no idle node");
    }
    int node = newestIdle;
    removeIdle(node);
    return node;
  }

  void removeIdle(int node) {
    int newer = newerIdle[node];
    int older = olderIdle[node];
    if (node == nextToExpire) {
      nextToExpire = newer;
    }
    if (newer != NONE) {
      olderIdle[newer] = older;
    } else {
      newestIdle = older;
    }
    if (older != NONE) {
      newerIdle[older] = newer;
    } else {
      oldestIdle = newer;
    }
    idleCount--;
    if (idleTimeoutPassed[node]) {
      idleTimeoutPassed[node] = false;
      timedOutIdleCount--;
    }
  }

  long[] createdMicrosOfAlive() {
    long[] created = new long[aliveCount];
    for (int i = 0; i < aliveCount; i++) {
      created[i] = createdMicros[alive[i]];
    }
    return created;
  }
}
