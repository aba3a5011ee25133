package io.capsim.compute.pool;

import io.capsim.engine.Event;
import io.capsim.engine.Scheduler;

/**
 * The one event object of a {@link NodePool}: every event the pool schedules is this object with a
 * number that says which, the kind in its low bits and the node above them. So the pool makes no
 * object per node or per event, the run loop's call site sees one class for every pool, and firing
 * a node's event reads the pool's columns, not a node object.
 */
final class PoolEvent implements Event {
  enum Kind {
    READY(0),
    WORK_DONE(1),
    RELEASED(2),
    PREEMPTED(3),
    IDLE_TIMER(4);

    /** What the event's number carries in its low bits. */
    final int code;

    private static final Kind[] BY_CODE = new Kind[1 << KIND_BITS];

    static {
      for (Kind kind : values()) {
        BY_CODE[kind.code] = kind;
      }
    }

    Kind(int code) {
      this.code = code;
    }
  }

  private static final int KIND_BITS = 3;
  private static final int KIND_MASK = (1 << KIND_BITS) - 1;

  /** Node numbers must fit in the number above the kind's bits. */
  static final int MAX_NODES = 1 << (Integer.SIZE - 1 - KIND_BITS);

  private final NodePool<?> pool;

  PoolEvent(NodePool<?> pool) {
    this.pool = pool;
  }

  /** The number of {@code kind}'s event for {@code node} (0 for the pool's idle timer). */
  static int number(Kind kind, int node) {
    return node << KIND_BITS | kind.code;
  }

  @Override
  public void fire(Scheduler scheduler, int number) {
    int node = number >>> KIND_BITS;
    switch (Kind.BY_CODE[number & KIND_MASK]) {
      case READY -> pool.onReady(node);
      case WORK_DONE -> pool.onWorkDone(node);
      case RELEASED -> pool.onReleased(node);
      case PREEMPTED -> pool.onPreempted(node);
      case IDLE_TIMER -> pool.onIdleTimer();
    }
  }

  @Override
  public void fire(Scheduler scheduler) {
    throw new IllegalStateException("a pool's events are always scheduled with their number");
  }
}
