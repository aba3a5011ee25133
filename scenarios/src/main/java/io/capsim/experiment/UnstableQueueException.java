package io.capsim.experiment;

import io.capsim.engine.SimTime;
import io.capsim.workload.OfferedWork;
import java.util.Locale;

/**
 * A run stopped because a compute's queue passed {@link ScenarioModel#MAX_QUEUED_JOBS}: work
 * arrives faster than the compute can run it, so the queue would grow until the heap is full. The
 * scenario's to fix, not a bug.
 */
public final class UnstableQueueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UnstableQueueException(
      String compute,
      int queued,
      long nowMicros,
      OfferedWork offered,
      long horizonMicros,
      int capacityNodes,
      String point) {
    super(
        String.format(
            Locale.ROOT,
            "stopped%s: %s's queue held %,d jobs after %s of simulated time; jobs arrive at %.1f/h"
                + " with %.1f nodes' worth of work on average, and it can run %d nodes at once, so"
                + " the queue can only grow; raise its max_instances or quota, or leave this"
                + " configuration out of the sweep",
            point.isEmpty() ? "" : " at " + point,
            compute,
            queued,
            String.format(Locale.ROOT, "%.1f days", nowMicros / (double) SimTime.MICROS_PER_DAY),
            offered.jobsPerHour(horizonMicros),
            offered.busyNodes(horizonMicros),
            capacityNodes));
  }
}
