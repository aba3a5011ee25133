package io.capsim.experiment;

/**
 * One job of one run, as {@code capsim run --jobs} lists it: when it was submitted, first started
 * and left (in seconds from the start of the run), and how it left.
 *
 * @param startedSeconds NaN when the job never started (it was refused or failed first)
 * @param waitSeconds from submission to first start, worked in microseconds; NaN if never started
 * @param finishedSeconds NaN for a job still queued or running at the end of the run
 * @param outcome {@code completed}, why it failed, or that it was still queued or running at the
 *     horizon
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
    double waitSeconds,
    double finishedSeconds,
    String outcome)
    implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
}
