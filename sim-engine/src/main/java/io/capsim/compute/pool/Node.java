package io.capsim.compute.pool;

import io.capsim.engine.Event;
import org.jspecify.annotations.Nullable;

/**
 * One VM of a {@link NodePool}, from the request that creates it to its release or preemption. To
 * its owner it is a handle: the pool keeps its state.
 *
 * @param <W> what the pool's owner runs on a node (a job, for a cluster)
 */
public final class Node<W> {
  enum State {
    PROVISIONING,
    IDLE,
    BUSY,
    RELEASING
  }

  final long createdMicros;
  State state = State.PROVISIONING;

  /** What the node is busy with; null unless busy. */
  @Nullable W work;

  long idleTimerHandle;

  /** Its idle timeout passed while work was waiting for more nodes; release it once none waits. */
  boolean idleTimeoutPassed;

  long preemptionHandle;
  int aliveIndex;
  @Nullable Node<W> previousIdle;
  @Nullable Node<W> nextIdle;

  Event onReady = scheduler -> {};
  Event onIdleTimeout = scheduler -> {};
  Event onPreempted = scheduler -> {};
  Event onReleased = scheduler -> {};

  /** The end of the work the node runs, made once per node so that no start allocates one. */
  Event onWorkDone = scheduler -> {};

  Node(long createdMicros) {
    this.createdMicros = createdMicros;
  }
}
