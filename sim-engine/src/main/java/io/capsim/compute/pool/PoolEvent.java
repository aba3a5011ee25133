package io.capsim.compute.pool;

import io.capsim.engine.Event;
import io.capsim.engine.Scheduler;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something that happens to a {@link NodePool}: to one of its nodes, or its idle timer. Every event
 * of every pool is of this one class, made once per node (or pool) and reused, so that the run loop
 * calls one known method rather than one of many lambdas, and nothing is allocated.
 */
final class PoolEvent<W> implements Event {
  enum Kind {
    READY,
    WORK_DONE,
    RELEASED,
    PREEMPTED,
    IDLE_TIMER
  }

  private final NodePool<W> pool;
  private final @Nullable Node<W> node;
  private final Kind kind;

  /** An event of {@code node}; {@code node} is null only for the pool's idle timer. */
  PoolEvent(NodePool<W> pool, @Nullable Node<W> node, Kind kind) {
    this.pool = pool;
    this.node = node;
    this.kind = kind;
  }

  @Override
  public void fire(Scheduler scheduler) {
    switch (kind) {
      case READY -> pool.onReady(node());
      case WORK_DONE -> pool.onWorkDone(node());
      case RELEASED -> pool.onReleased(node());
      case PREEMPTED -> pool.onPreempted(node());
      case IDLE_TIMER -> pool.onIdleTimer();
    }
  }

  private Node<W> node() {
    return Objects.requireNonNull(node, "a node event has its node");
  }
}
