package io.capsim.experiment;

/**
 * Where the job records of {@code capsim run --jobs} go, run by run, as each run produces them, so
 * that no run's jobs, let alone every run's, need be held in memory at once.
 */
public interface JobSink {
  /** One run's records: each job as it leaves its compute, then {@link #close} once it is over. */
  interface RunJobs {
    void add(JobRecord job);

    /** The run is over (or failed): nothing more comes for it. */
    void close();
  }

  /** A run's records dropped. */
  RunJobs DROPPED =
      new RunJobs() {
        @Override
        public void add(JobRecord job) {}

        @Override
        public void close() {}
      };

  /** No records: runs do not make them. */
  JobSink NONE =
      new JobSink() {
        @Override
        public boolean keepsJobs() {
          return false;
        }

        @Override
        public RunJobs open(RunTask task) {
          return DROPPED;
        }
      };

  /** Whether runs should record their jobs at all. */
  default boolean keepsJobs() {
    return true;
  }

  /** Where the records of the run of {@code task} go; called from the thread that runs it. */
  RunJobs open(RunTask task);
}
