package io.capsim.compute.pool;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The nodes of one pool: every node alive (for lifetimes), and the idle ones in an intrusive
 * last-in first-out list, so the most recently used node is reused first and the others can time
 * out; removing a node from the middle, when its idle timer fires, is O(1).
 */
final class NodeList<W> {
  private final List<Node<W>> alive = new ArrayList<>();
  private @Nullable Node<W> idleHead;
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

  void markTimedOut(Node<W> node) {
    node.idleTimeoutPassed = true;
    timedOutIdleCount++;
  }

  /** The idle nodes marked timed out, unmarked; the caller decides their fate. */
  List<Node<W>> takeTimedOut() {
    List<Node<W>> timedOut = new ArrayList<>(timedOutIdleCount);
    for (Node<W> node = idleHead; node != null; node = node.nextIdle) {
      if (node.idleTimeoutPassed) {
        node.idleTimeoutPassed = false;
        timedOut.add(node);
      }
    }
    timedOutIdleCount = 0;
    return timedOut;
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

  void pushIdle(Node<W> node) {
    node.previousIdle = null;
    node.nextIdle = idleHead;
    if (idleHead != null) {
      idleHead.previousIdle = node;
    }
    idleHead = node;
    idleCount++;
  }

  Node<W> popIdle() {
    Node<W> node = idleHead;
    if (node == null) {
      throw new IllegalStateException("no idle node");
    }
    removeIdle(node);
    return node;
  }

  void removeIdle(Node<W> node) {
    if (node.previousIdle != null) {
      node.previousIdle.nextIdle = node.nextIdle;
    } else {
      idleHead = node.nextIdle;
    }
    if (node.nextIdle != null) {
      node.nextIdle.previousIdle = node.previousIdle;
    }
    node.previousIdle = null;
    node.nextIdle = null;
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
