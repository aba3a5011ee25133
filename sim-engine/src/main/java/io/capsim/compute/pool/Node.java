package io.capsim.compute.pool;

import io.capsim.engine.Event;
import org.jspecify.annotations.Nullable;

/**
 * One VM of a {@link NodePool}, from the request that creates it to its release or preemption. To
 * its owner it is a handle: the pool keeps its state. The pool reuses the object for a later node
 * once this one is gone, so an owner must not keep it past {@link NodePool.Owner#preempted} or the
 * work's end.
 *
 * @param <W> what the pool's owner runs on a node (a job, for a cluster)
 */
public final class Node<W> {
  long createdMicros;

  /** What the node is busy with; null unless busy (so busy exactly when it has work). */
  @Nullable W work;

  /** When the node, idle, reaches its idle timeout. */
  long idleDeadlineMicros;

  /** Its idle timeout passed while work was waiting for more nodes; release it once none waits. */
  boolean idleTimeoutPassed;

  long preemptionHandle;
  int aliveIndex;

  /** The node object's number in its pool's {@link NodeList}, kept when the object is reused. */
  int number = UNNUMBERED;

  static final int UNNUMBERED = -1;

  // Made once per node object, so that nothing a node does allocates an event.
  final Event onReady;
  final Event onPreempted;
  final Event onReleased;
  final Event onWorkDone;

  Node(NodePool<W> pool, long createdMicros) {
    this.createdMicros = createdMicros;
    onReady = new PoolEvent<>(pool, this, PoolEvent.Kind.READY);
    onPreempted = new PoolEvent<>(pool, this, PoolEvent.Kind.PREEMPTED);
    onReleased = new PoolEvent<>(pool, this, PoolEvent.Kind.RELEASED);
    onWorkDone = new PoolEvent<>(pool, this, PoolEvent.Kind.WORK_DONE);
  }

  /** This object as a new node, requested at {@code nowMicros}. */
  void renew(long nowMicros) {
    createdMicros = nowMicros;
    work = null;
    idleTimeoutPassed = false;
    preemptionHandle = 0;
  }
}
