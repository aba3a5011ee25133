package io.capsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every run's job records in memory, for tests and small programs: {@link #jobs()} lists them
 * by point, then replication, then in the order each run produced them, as {@code jobs.csv} does.
 */
public final class JobsInMemory implements JobSink {
  private final Map<RunTask, List<JobRecord>> byRun = new ConcurrentHashMap<>();

  @Override
  public RunJobs open(RunTask task) {
    List<JobRecord> jobs = new ArrayList<>();
    byRun.put(task, jobs);
    return new RunJobs() {
      @Override
      public void add(JobRecord job) {
        jobs.add(job);
      }

      @Override
      public void close() {}
    };
  }

  /** Every record so far, by point, replication and then production. */
  public List<JobRecord> jobs() {
    List<JobRecord> all = new ArrayList<>();
    byRun.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(RunTask.IN_ORDER))
        .forEach(e -> all.addAll(e.getValue()));
    return all;
  }
}
