package io.capsim.compute.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 */
final class NodeList<W> {
  private final List<Node<W>> alive = new ArrayList<>();
  private @Nullable Node<W> newestIdle;
  private @Nullable Node<W> oldestIdle;
  private @Nullable Node<W> nextToExpire;
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
    return nextToExpire;
  }

  /**
   * The timeout of {@link #nextToExpire} (not null) is handled: the next newer idle node is the
   * next to expire. The node stays idle unless the caller removes it.
   */
  void expireNext() {
    Node<W> node = Objects.requireNonNull(nextToExpire, "an idle node to expire");
    nextToExpire = node.newerIdle;
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
    Node<W> node = oldestIdle;
    while (timedOutIdleCount > 0 && node != null && node != nextToExpire) {
      Node<W> newer = node.newerIdle;
      if (node.idleTimeoutPassed) {
        node.idleTimeoutPassed = false;
        timedOutIdleCount--;
        release.accept(node);
      }
      node = newer;
    }
  }

  void add(Node<W> node) {
    node.aliveIndex = alive.size();
    alive.add(node);
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
    node.newerIdle = null;
    node.olderIdle = newestIdle;
    if (newestIdle != null) {
      newestIdle.newerIdle = node;
    } else {
      oldestIdle = node;
    }
    newestIdle = node;
    if (nextToExpire == null) {
      nextToExpire = node;
    }
    idleCount++;
  }

  Node<W> popIdle() {
    Node<W> node = newestIdle;
    if (node == null) {
      throw new IllegalStateException("no idle node");
    }
    removeIdle(node);
    return node;
  }

  void removeIdle(Node<W> node) {
    if (node == nextToExpire) {
      nextToExpire = node.newerIdle;
    }
    if (node.newerIdle != null) {
      node.newerIdle.olderIdle = node.olderIdle;
    } else {
      newestIdle = node.olderIdle;
    }
    if (node.olderIdle != null) {
      node.olderIdle.newerIdle = node.newerIdle;
    } else {
      oldestIdle = node.newerIdle;
    }
    node.newerIdle = null;
    node.olderIdle = null;
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
