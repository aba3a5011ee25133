package io.capsim.experiment;

import io.capsim.compute.ComputeStats;
import io.capsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs every (sweep point, replication) of a scenario on {@code threads} threads. Each run is a
 * pure function of its inputs and lands in its own slot, so the results are the same whatever the
 * thread count or the order runs finish in.
 */
public final class Runner {
  private final int threads;

  public Runner(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.threads = threads;
  }

  /** All runs; {@code onRunDone} is told how many have finished, from any thread. */
  public RunResults run(Scenario scenario, IntConsumer onRunDone) throws InterruptedException {
    return run(scenario, onRunDone, false);
  }

  /** All runs, with every job's record too when {@code withJobs}. */
  @SuppressWarnings({"unchecked", "rawtypes"}) // arrays of generic types, filled before use
  public RunResults run(Scenario scenario, IntConsumer onRunDone, boolean withJobs)
      throws InterruptedException {
    int points = scenario.points().size();
    int replications = scenario.replications();
    Map<String, ComputeStats>[] slots = new Map[points * replications];
    List<JobRecord>[] jobSlots = new List[points * replications];
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread thread = new Thread(r, "capsim-run");
              thread.setDaemon(true);
              return thread;
            });
    java.util.concurrent.atomic.AtomicInteger done =
        new java.util.concurrent.atomic.AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int p = 0; p < points; p++) {
        for (int r = 0; r < replications; r++) {
          int point = p;
          int replication = r;
          futures.add(
              pool.submit(
                  () -> {
                    ScenarioModel model =
                        new ScenarioModel(scenario, scenario.points().get(point), replication);
                    List<JobRecord> jobs = new ArrayList<>();
                    if (withJobs) {
                      model.recordJobs(jobs, point, replication);
                    }
                    slots[point * replications + replication] = model.run();
                    jobSlots[point * replications + replication] = jobs;
                    onRunDone.accept(done.incrementAndGet());
                  }));
        }
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
    List<List<Map<String, ComputeStats>>> byPoint = new ArrayList<>();
    for (int p = 0; p < points; p++) {
      byPoint.add(Arrays.asList(slots).subList(p * replications, (p + 1) * replications));
    }
    List<JobRecord> jobs = new ArrayList<>();
    for (List<JobRecord> slot : jobSlots) {
      jobs.addAll(slot);
    }
    return new RunResults(scenario, byPoint, jobs);
  }
}
