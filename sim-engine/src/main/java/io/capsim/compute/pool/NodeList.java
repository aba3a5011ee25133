package io.capsim.compute.pool;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The nodes of one pool: every node alive (for lifetimes), and the idle ones in an intrusive
 * last-in first-out list, newest first, so the most recently used node is reused first and the
 * others can time out. With one idle timeout per pool the list is also in order of idle deadlines,
 * oldest last: the nodes whose timeout has been handled (kept for work waiting or for the floor)
 * are a run at the old end, and {@link #nextToExpire}, the oldest of the others, has the only
 * deadline the pool needs on the calendar. Every operation is O(1) except {@link #releaseTimedOut},
 * which walks the expired run.
 *
 * <p>The list links nodes by number ({@link Node#number}) in primitive arrays rather than by
 * reference: a node goes idle and busy again for every job, and a reference store costs a GC write
 * barrier that an {@code int} store does not.
 */
final class NodeList<W> {
  private static final int NONE = -1;

  private final List<Node<W>> alive = new ArrayList<>();

  /**
   * Every node object the pool ever made, by number; node objects are reused, so this is bounded.
   */
  @SuppressWarnings("unchecked") // filled with Node<W> only
  private Node<W>[] byNumber = (Node<W>[]) new Node<?>[16];

  private int[] newerIdle = new int[16];
  private int[] olderIdle = new int[16];
  private int numbered;
  private int newestIdle = NONE;
  private int oldestIdle = NONE;
  private int nextToExpire = NONE;
  private int idleCount;
  private int timedOutIdleCount;

  int aliveCount() {
    return alive.size();
  }

  int idleCount() {
    return idleCount;
  }

  /** Idle nodes whose idle timeout has passed while jobs were waiting. */
  int timedOutIdleCount() {
    return timedOutIdleCount;
  }

  /** The oldest idle node whose timeout has not been handled yet; null when none is. */
  @Nullable Node<W> nextToExpire() {
    return nextToExpire == NONE ? null : byNumber[nextToExpire];
  }

  /**
   * The timeout of {@link #nextToExpire} (not null) is handled: the next newer idle node is the
   * next to expire. The node stays idle unless the caller removes it.
   */
  void expireNext() {
    if (nextToExpire == NONE) {
      throw new IllegalStateException("no idle node to expire");
    }
    nextToExpire = newerIdle[nextToExpire];
  }

  /** {@code node}'s timeout passed while work was waiting: it is to be released once none waits. */
  void markTimedOut(Node<W> node) {
    node.idleTimeoutPassed = true;
    timedOutIdleCount++;
  }

  /**
   * Unmarks the idle nodes marked timed out, oldest first, and hands each to {@code release}, which
   * may remove it from the list.
   */
  void releaseTimedOut(Consumer<Node<W>> release) {
    int number = oldestIdle;
    while (timedOutIdleCount > 0 && number != NONE && number != nextToExpire) {
      int newer = newerIdle[number];
      Node<W> node = byNumber[number];
      if (node.idleTimeoutPassed) {
        node.idleTimeoutPassed = false;
        timedOutIdleCount--;
        release.accept(node);
      }
      number = newer;
    }
  }

  /** {@code node} is alive from now; a node object new to the pool gets its number. */
  void add(Node<W> node) {
    if (node.number == Node.UNNUMBERED) {
      number(node);
    }
    node.aliveIndex = alive.size();
    alive.add(node);
  }

  private void number(Node<W> node) {
    if (numbered == byNumber.length) {
      byNumber = Arrays.copyOf(byNumber, numbered * 2);
      newerIdle = Arrays.copyOf(newerIdle, numbered * 2);
      olderIdle = Arrays.copyOf(olderIdle, numbered * 2);
    }
    node.number = numbered;
    byNumber[numbered++] = node;
  }

  void remove(Node<W> node) {
    Node<W> last = alive.remove(alive.size() - 1);
    if (last != node) {
      alive.set(node.aliveIndex, last);
      last.aliveIndex = node.aliveIndex;
    }
  }

  /** {@code node} became idle now, with the latest deadline of all. */
  void pushIdle(Node<W> node) {
    int number = node.number;
    newerIdle[number] = NONE;
    olderIdle[number] = newestIdle;
    if (newestIdle != NONE) {
      newerIdle[newestIdle] = number;
    } else {
      oldestIdle = number;
    }
    newestIdle = number;
    if (nextToExpire == NONE) {
      nextToExpire = number;
    }
    idleCount++;
  }

  Node<W> popIdle() {
    if (newestIdle == NONE) {
      throw new IllegalStateException("no idle node");
    }
    Node<W> node = byNumber[newestIdle];
    removeIdle(node);
    return node;
  }

  void removeIdle(Node<W> node) {
    int number = node.number;
    int newer = newerIdle[number];
    int older = olderIdle[number];
    if (number == nextToExpire) {
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
    if (node.idleTimeoutPassed) {
      node.idleTimeoutPassed = false;
      timedOutIdleCount--;
    }
  }

  long[] createdMicrosOfAlive() {
    long[] created = new long[alive.size()];
    for (int i = 0; i < created.length; i++) {
      created[i] = alive.get(i).createdMicros;
    }
    return created;
  }
}
