package io.capsim.workload;

import io.capsim.compute.JobCompute;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Distribution;
import io.capsim.engine.random.Sampler;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Jobs replayed from a trace: each arrives at its submission time (microseconds from the start)
 * with its own duration (seconds on the workload's reference size) and node count.
 *
 * <p>A trace can hold tens of millions of jobs, so it takes the arrays it is given over rather than
 * copying them (the reader that fills them keeps no reference), shares its durations with {@link
 * #durations()}, and works out once what every run asks of it. Equality is identity: two reads of
 * one file are two traces.
 */
public final class Trace implements ArrivalProcess {
  private final String source;
  private final long[] submitMicros;
  private final double[] durationSeconds;
  private final int[] instanceCounts;
  private final int maxInstanceCount;

  /**
   * A trace of these jobs, in submission order, whose arrays it owns from now on: the caller must
   * not change them.
   */
  public Trace(String source, long[] submitMicros, double[] durationSeconds, int[] instanceCounts) {
    if (submitMicros.length != durationSeconds.length
        || submitMicros.length != instanceCounts.length) {
      throw new IllegalArgumentException(
          "a trace needs as many durations and node counts as submissions");
    }
    for (int i = 1; i < submitMicros.length; i++) {
      if (submitMicros[i] < submitMicros[i - 1]) {
        throw new IllegalArgumentException(
            "trace submissions must be in order; job " + i + " is before job " + (i - 1));
      }
    }
    this.source = source;
    this.submitMicros = submitMicros;
    this.durationSeconds = durationSeconds;
    this.instanceCounts = instanceCounts;
    this.maxInstanceCount = Arrays.stream(instanceCounts).max().orElse(0);
  }

  /** The file the trace was read from, as the scenario names it. */
  public String source() {
    return source;
  }

  public int jobs() {
    return submitMicros.length;
  }

  /** The trace's jobs in order, each with its own duration and node count. */
  @Override
  public Arrivals arrivals(Simulation simulation, String streamName) {
    return new Arrivals() {
      private int next;
      private int current;

      @Override
      public long next(long nowMicros) {
        if (next >= submitMicros.length) {
          return NONE;
        }
        current = next++;
        return submitMicros[current];
      }

      @Override
      public double durationSeconds(Sampler workloadDurations) {
        return durationSeconds[current];
      }

      @Override
      public int instanceCount(int workloadInstanceCount) {
        return instanceCounts[current];
      }
    };
  }

  /**
   * The trace's durations, in seconds, as a distribution to resample, sharing the trace's array.
   */
  public Distribution.Empirical durations() {
    return Distribution.Empirical.sharing(durationSeconds);
  }

  /** The widest job, in nodes; 0 for an empty trace. */
  public int maxInstanceCount() {
    return maxInstanceCount;
  }

  @Override
  public double expectedArrivals(long horizonMicros) {
    return submittedBy(horizonMicros);
  }

  /**
   * The trace's own node-seconds, whatever the workload's duration and width. Summed once per
   * horizon: a sweep asks it of every point, and every point has the same horizon.
   */
  @Override
  public double expectedNodeSeconds(
      long horizonMicros, double meanDurationSeconds, int instanceCount) {
    NodeSecondsBy last = lastNodeSeconds;
    if (last == null || last.horizonMicros() != horizonMicros) {
      double nodeSeconds = 0;
      for (int i = 0, n = submittedBy(horizonMicros); i < n; i++) {
        nodeSeconds += durationSeconds[i] * instanceCounts[i];
      }
      last = new NodeSecondsBy(horizonMicros, nodeSeconds);
      lastNodeSeconds = last;
    }
    return last.nodeSeconds();
  }

  private record NodeSecondsBy(long horizonMicros, double nodeSeconds) {}

  // Written whole, read whole: racing threads at worst sum the same value twice.
  private volatile @Nullable NodeSecondsBy lastNodeSeconds;

  private int submittedBy(long horizonMicros) {
    int index = Arrays.binarySearch(submitMicros, horizonMicros);
    if (index < 0) {
      return -index - 1;
    }
    while (index < submitMicros.length && submitMicros[index] == horizonMicros) {
      index++;
    }
    return index;
  }

  /** The jobs wider than the widest that fits on {@code compute}, counted; empty if none is. */
  @Override
  public Optional<String> whyJobsCannotRunOn(JobCompute compute) {
    return compute
        .whyCannotFit(maxInstanceCount)
        .map(
            why ->
                jobsWiderThan(compute.widestJobThatFits(maxInstanceCount))
                    + " of the trace's "
                    + jobs()
                    + " jobs cannot run: the widest "
                    + why);
  }

  /** How many jobs need more than {@code nodes} nodes. */
  public long jobsWiderThan(int nodes) {
    return Arrays.stream(instanceCounts).filter(n -> n > nodes).count();
  }

  /** A copy of the submission times, in microseconds from the first. */
  public long[] submitMicros() {
    return submitMicros.clone();
  }

  /** A copy of the durations, in seconds on the reference size. */
  public double[] durationSeconds() {
    return durationSeconds.clone();
  }

  /** A copy of the node counts. */
  public int[] instanceCounts() {
    return instanceCounts.clone();
  }

  @Override
  public String toString() {
    return "Trace[" + source + ", " + submitMicros.length + " jobs]";
  }
}
