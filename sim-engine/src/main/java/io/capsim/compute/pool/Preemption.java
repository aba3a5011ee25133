package io.capsim.compute.pool;

import io.capsim.engine.random.Distribution;
import java.util.Optional;

/** How long a low-priority node runs before Azure takes it back. */
public sealed interface Preemption {
  /** Nodes are never preempted (dedicated nodes, or a low-priority assumption stated as such). */
  record None() implements Preemption {}

  /** Each running node is preempted at {@code perNodeHour} events per node-hour (memoryless). */
  record Rate(double perNodeHour) implements Preemption {
    public Rate {
      if (!(perNodeHour > 0) || Double.isInfinite(perNodeHour)) {
        throw new IllegalArgumentException(
            "preemption rate must be finite and > 0 per node-hour, was " + perNodeHour);
      }
    }
  }

  /** A running node's time to preemption, in seconds, drawn from {@code seconds}. */
  record TimeTo(Distribution seconds) implements Preemption {}

  static Preemption none() {
    return new None();
  }

  /** The time-to-preemption distribution in seconds; empty when nodes are never preempted. */
  default Optional<Distribution> secondsToPreemption() {
    if (this instanceof Rate rate) {
      return Optional.of(Distribution.exponential(3600 / rate.perNodeHour()));
    }
    return this instanceof TimeTo timeTo ? Optional.of(timeTo.seconds()) : Optional.empty();
  }
}
