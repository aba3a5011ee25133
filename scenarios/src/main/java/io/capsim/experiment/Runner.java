package io.capsim.experiment;

import io.capsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a scenario's runs on {@code threads} threads of this JVM. Each run lands in its task's slot,
 * so the outputs are the same whatever the thread count or the order runs finish in.
 */
public final class Runner implements RunExecutor {
  private final int threads;

  public Runner(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.threads = threads;
  }

  /** Every (point, replication) of {@code scenario}; {@code onRunDone} as {@link #execute}. */
  public RunResults run(Scenario scenario, Progress progress) throws InterruptedException {
    return RunResults.of(scenario, this, JobSink.NONE, progress);
  }

  @Override
  public List<RunOutput> execute(
      Scenario scenario, List<RunTask> tasks, JobSink jobs, Progress progress)
      throws InterruptedException {
    RunOutput[] slots = new RunOutput[tasks.size()];
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread thread = new Thread(r, "capsim-run");
              thread.setDaemon(true);
              return thread;
            });
    AtomicInteger done = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i++) {
        int slot = i;
        futures.add(
            pool.submit(
                () -> {
                  RunTask task = tasks.get(slot);
                  JobSink.RunJobs runJobs = jobs.open(task);
                  try {
                    slots[slot] = task.runIn(scenario, runJobs, progress::simulated);
                  } finally {
                    runJobs.close();
                  }
                  progress.runDone(done.incrementAndGet());
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
    return Arrays.asList(slots);
  }
}
