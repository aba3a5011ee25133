package io.capsim.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * capsim's cluster beside the same model in SimPy 2.3.1 (Debian's {@code python3-simpy}, run by
 * {@code /usr/bin/python3}; {@code simpy/cluster.py} in this jar), in turns of one invocation: a
 * capsim run of about 1 M jobs, then a SimPy run of about 200 k, each counting its completed jobs
 * and its own time (SimPy's from inside Python, so interpreter start-up is not held against it).
 * {@link PerformanceReport} reads the ratio of their jobs per second from the counters. The JIT
 * warms up on three turns, which are not measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SimPyBenchmark {
  static final String PYTHON = "/usr/bin/python3";
  private static final int SIMPY_JOBS = 200_000;

  @Param({"1000", "20"})
  public int maxNodes;

  private ClusterBenchmark.Shape shape = ClusterBenchmark.Shape.of(1000);
  private Path script = Path.of("");
  private int replication;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    shape = ClusterBenchmark.Shape.of(maxNodes);
    script = Files.createTempFile("capsim-simpy-cluster", ".py");
    try (InputStream in =
        Objects.requireNonNull(
            SimPyBenchmark.class.getResourceAsStream("/simpy/cluster.py"), "simpy/cluster.py")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    Files.deleteIfExists(script);
  }

  @Benchmark
  public long sideBySide(Turns turns) throws IOException, InterruptedException {
    int run = replication++;
    long start = System.nanoTime();
    long capsimJobs = shape.capsim(run).jobs().jobsCompleted();
    turns.capsimNanos += System.nanoTime() - start;
    turns.capsimJobs += capsimJobs;
    String[] simpy = simpy(run).split(" ", -1);
    turns.simpyJobs += Long.parseLong(simpy[0]);
    turns.simpyNanos += Math.round(Double.parseDouble(simpy[1]) * 1e9);
    return capsimJobs;
  }

  /** SimPy's output: jobs completed, wall seconds, mean wait. */
  private String simpy(int run) throws IOException, InterruptedException {
    double hours = SIMPY_JOBS / shape.jobsPerHour();
    Process process =
        new ProcessBuilder(
                PYTHON,
                script.toString(),
                Integer.toString(maxNodes),
                String.format(Locale.ROOT, "%.6f", shape.jobsPerHour()),
                String.format(Locale.ROOT, "%.3f", hours),
                Integer.toString(run + 1))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          PYTHON + " " + script + " failed (is python3-simpy installed?): " + output);
    }
    return output.strip();
  }

  /** Jobs and nanoseconds of each side over an iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Turns {
    public long capsimJobs;
    public long capsimNanos;
    public long simpyJobs;
    public long simpyNanos;

    @Setup(Level.Iteration)
    public void clear() {
      capsimJobs = 0;
      capsimNanos = 0;
      simpyJobs = 0;
      simpyNanos = 0;
    }
  }
}
