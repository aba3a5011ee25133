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

  /**
   * The share of low-priority nodes assumed preempted within an hour when a scenario states no
   * preemption: 5 %, the top of the lowest band (0-5 %) of the eviction rates the Azure portal
   * shows for Spot VMs, which it gives as the chance that a VM is evicted within the next hour
   * (learn.microsoft.com/azure/architecture/guide/spot/spot-eviction). Azure publishes no rate for
   * Azure ML's low-priority nodes, so this is an assumption, stated as one wherever it is used.
   */
  double ASSUMED_LOW_PRIORITY_SHARE_PER_HOUR = 0.05;

  /**
   * The preemption of a low-priority node when none is stated: memoryless, at the rate whose chance
   * of a preemption within an hour is {@link #ASSUMED_LOW_PRIORITY_SHARE_PER_HOUR}.
   */
  static Preemption assumedForLowPriority() {
    return new Rate(-Math.log1p(-ASSUMED_LOW_PRIORITY_SHARE_PER_HOUR));
  }

  /** The time-to-preemption distribution in seconds; empty when nodes are never preempted. */
  default Optional<Distribution> secondsToPreemption() {
    if (this instanceof Rate rate) {
      return Optional.of(Distribution.exponential(3600 / rate.perNodeHour()));
    }
    return this instanceof TimeTo timeTo ? Optional.of(timeTo.seconds()) : Optional.empty();
  }
}
