package io.capsim.compute;

import io.capsim.engine.Event;
import org.jspecify.annotations.Nullable;

/** One VM of a compute, from the request that creates it to its release or preemption. */
final class Node {
  enum State {
    PROVISIONING,
    IDLE,
    BUSY,
    RELEASING
  }

  final long createdMicros;
  State state = State.PROVISIONING;
  @Nullable Job job;
  long idleTimerHandle;

  /** Its idle timeout passed while a job was waiting for more nodes; release it once none waits. */
  boolean idleTimeoutPassed;

  long preemptionHandle;
  int aliveIndex;
  @Nullable Node previousIdle;
  @Nullable Node nextIdle;

  Event onReady = scheduler -> {};
  Event onIdleTimeout = scheduler -> {};
  Event onPreempted = scheduler -> {};
  Event onReleased = scheduler -> {};

  Node(long createdMicros) {
    this.createdMicros = createdMicros;
  }
}
