package io.capsim.experiment;

/**
 * One job of one run, as {@code capsim run --jobs} lists it: when it was submitted, first started
 * and left (in seconds from the start of the run), and how it left.
 *
 * @param startedSeconds NaN when the job never started (it was refused or failed first)
 * @param outcome {@code completed}, or why it failed
 */
public record JobRecord(
    int point,
    int replication,
    String compute,
    String workload,
    long job,
    int instanceCount,
    double submittedSeconds,
    double startedSeconds,
    double finishedSeconds,
    String outcome)
    implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
}
