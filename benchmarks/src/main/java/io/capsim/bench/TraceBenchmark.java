package io.capsim.bench;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.pool.Quotas;
import io.capsim.scenario.trace.TraceReader;
import io.capsim.workload.ComputeRun;
import io.capsim.workload.Trace;
import io.capsim.workload.Workload;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A single 10 M-job SWF trace read and replayed on an autoscaling cluster in a JVM of 512 MB of
 * heap: the bound the trace's columns are built to stay within (about 20 bytes a job kept, 20 more
 * while reading). The trace is written in the trial's setup, a job a second on average, 1 to 4
 * nodes, lognormal run times; the benchmark fails if the heap does not suffice. Seconds for the
 * whole, and the heap in use after reading (after a collection), in MiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class TraceBenchmark {
  static final int JOBS = 10_000_000;
  private Path file = Path.of("");

  @Setup(Level.Trial)
  public void writeTrace() throws IOException {
    file = Files.createTempFile("capsim-10m-jobs", ".swf");
    writeSwf(file, JOBS, 42);
  }

  @TearDown(Level.Trial)
  public void deleteTrace() throws IOException {
    Files.deleteIfExists(file);
  }

  @Benchmark
  public ComputeStats readAndReplay(Heap heap) throws TraceReader.TraceException {
    Trace trace =
        TraceReader.read(file, TraceReader.Format.SWF, new TraceReader.Options(1, 1, Map.of()));
    heap.usedAfterReadMiB = usedHeapMiB();
    Workload workload =
        Workload.simple("replay", "cpu", trace, trace.durations(), ClusterBenchmark.SIZE);
    ClusterSpec spec = ClusterSpec.defaults("cpu", ClusterBenchmark.SIZE).withInstances(0, 2000);
    ComputeStats stats =
        new ComputeRun(42, 0, spec, Quotas.unlimited(), workload).runSeconds(JOBS + 86_400L);
    heap.jobsCompleted = stats.jobs().jobsCompleted();
    return stats;
  }

  private static long usedHeapMiB() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
  }

  /** The heap after reading, and the jobs the replay completed (all of them, or it failed). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Heap {
    public long usedAfterReadMiB;
    public long jobsCompleted;
  }

  /** A SWF trace of {@code jobs} jobs: 18 fields a line, as the Parallel Workloads Archive's. */
  static void writeSwf(Path file, int jobs, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      out.write("; Version: 2.2\n; synthetic, for capsim's TraceBenchmark\n");
      long submit = 0;
      for (int job = 1; job <= jobs; job++) {
        submit += random.nextInt(3);
        long run = Math.round(Math.exp(5 + random.nextGaussian()));
        int procs = 1 + random.nextInt(4);
        out.write(
            String.format(
                Locale.ROOT,
                "%d %d -1 %d %d -1 -1 %d -1 -1 1 1 1 -1 1 -1 -1 -1%n",
                job,
                submit,
                run,
                procs,
                procs));
      }
    }
  }
}
