package io.capsim.workload;

/**
 * Work that arrives over a run, on average.
 *
 * @param jobs the jobs submitted
 * @param nodeSeconds their node-seconds on the size they run on
 */
public record OfferedWork(double jobs, double nodeSeconds) {
  public static final OfferedWork NONE = new OfferedWork(0, 0);

  public OfferedWork plus(OfferedWork other) {
    return new OfferedWork(jobs + other.jobs, nodeSeconds + other.nodeSeconds);
  }

  /** The jobs arriving an hour, on average over {@code horizonMicros}. */
  public double jobsPerHour(long horizonMicros) {
    return jobs / (horizonMicros / 3.6e9);
  }

  /** The nodes this work keeps busy on average over {@code horizonMicros}. */
  public double busyNodes(long horizonMicros) {
    return nodeSeconds / (horizonMicros / 1e6);
  }
}
