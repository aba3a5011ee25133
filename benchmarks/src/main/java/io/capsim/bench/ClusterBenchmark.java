package io.capsim.bench;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.pool.Quotas;
import io.capsim.engine.SimTime;
import io.capsim.engine.random.Distribution;
import io.capsim.engine.random.RandomStreams;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.ComputeRun;
import io.capsim.workload.Workload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The compute model end to end, against the same model written as one loop. An autoscaling cluster
 * of Standard_D4s_v3 nodes (provisioning 3 to 8 minutes, 120 s idle timeout, last-in first-out
 * reuse of idle nodes) under Poisson arrivals of lognormal one-hour jobs, with billing, the cost
 * waterfall, wait quantiles and the end-of-run invariant checks. Two shapes: up to 1,000 nodes at
 * 800 jobs an hour (the cluster scales up and down all the time), and 20 nodes at utilisation 0.9
 * (jobs queue). One invocation simulates about 1,000,000 jobs; the score is jobs per second (to
 * within the ±0.1 % the Poisson count varies).
 *
 * <p>{@code capsim} is {@code ComputeCluster} driven by a {@code WorkloadDriver} on a {@code
 * Simulation}; {@code handLoop} is {@link HandWrittenCluster}, which draws the same random numbers
 * and follows the same sample path (a test checks it), so the ratio is what capsim's structure
 * costs.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar ClusterBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ClusterBenchmark.EXPECTED_JOBS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ClusterBenchmark {
  static final int EXPECTED_JOBS = 1_000_000;
  static final String SIZE = "Standard_D4s_v3";
  static final Distribution DURATION_SECONDS = Distribution.lognormal(3000, 9000);

  /** The largest the cluster may grow: 1,000 (scaling) or 20 (queueing). */
  @Param({"1000", "20"})
  public int maxNodes;

  private Shape shape = Shape.of(1000);
  private int replication;

  @Setup
  public void setUp() {
    shape = Shape.of(maxNodes);
  }

  @Benchmark
  public ComputeStats capsim() {
    return shape.capsim(replication++);
  }

  @Benchmark
  public HandWrittenCluster.Result handLoop() {
    return shape.handLoop(replication++);
  }

  /**
   * Both sides, one after the other on the same replication, in alternating order, each timed: the
   * machine's load drifts alike for both, so the ratio of the two totals is steadier than that of
   * two benchmarks run minutes apart. {@link PerformanceReport} reads the ratio from the counters.
   * Still, one iteration's ratio moves by 5 to 10 % on a shared machine, and one fork's by as much
   * (each JVM compiles the model its own way), so it runs four forks of eight: 32 iterations put
   * the ratio within about ± 0.01 (the report prints the interval).
   */
  @Benchmark
  @OperationsPerInvocation(2 * EXPECTED_JOBS)
  @Measurement(iterations = 8, time = 2)
  @Fork(
      value = 4,
      jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
  public void interleaved(SideBySide times, Blackhole sink) {
    int run = replication++;
    if (run % 2 == 0) {
      times.capsimNanos += timed(() -> sink.consume(shape.capsim(run)));
      times.handLoopNanos += timed(() -> sink.consume(shape.handLoop(run)));
    } else {
      times.handLoopNanos += timed(() -> sink.consume(shape.handLoop(run)));
      times.capsimNanos += timed(() -> sink.consume(shape.capsim(run)));
    }
  }

  private static long timed(Runnable side) {
    long start = System.nanoTime();
    side.run();
    return System.nanoTime() - start;
  }

  /** Nanoseconds each side took over an iteration of {@link #interleaved}. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class SideBySide {
    public long capsimNanos;
    public long handLoopNanos;

    @Setup(Level.Iteration)
    public void clear() {
      capsimNanos = 0;
      handLoopNanos = 0;
    }
  }

  /** A cluster size, the arrival rate that loads it, and the hours that bring about 1 M jobs. */
  record Shape(int maxNodes, double jobsPerHour, long hours) {
    static final long SEED = 42;

    static Shape of(int maxNodes) {
      double jobsPerHour = maxNodes >= 1000 ? 800 : 0.9 * maxNodes * 3600 / DURATION_SECONDS.mean();
      return new Shape(maxNodes, jobsPerHour, Math.round(EXPECTED_JOBS / jobsPerHour));
    }

    ClusterSpec spec() {
      return ClusterSpec.defaults("cpu", SIZE).withInstances(0, maxNodes);
    }

    ComputeStats capsim(int replication) {
      Workload workload =
          Workload.simple(
              "etl", "cpu", new ArrivalProcess.Poisson(jobsPerHour / 3600), DURATION_SECONDS, SIZE);
      return new ComputeRun(SEED, replication, spec(), Quotas.unlimited(), workload)
          .runSeconds(hours * 3600);
    }

    /** The same model, drawing from the streams capsim's workload and cluster draw from. */
    HandWrittenCluster.Result handLoop(int replication) {
      RandomStreams streams = new RandomStreams(SEED, replication);
      ClusterSpec spec = spec();
      HandWrittenCluster loop =
          new HandWrittenCluster(
              maxNodes,
              spec.idleTimeBeforeScaleDownSeconds() * SimTime.MICROS_PER_SECOND,
              spec.scaleDownMicros(),
              Distribution.exponential(1 / (jobsPerHour / 3600))
                  .sampler(streams.stream("workload.etl.arrivals")),
              DURATION_SECONDS.sampler(streams.stream("workload.etl.durations")),
              spec.provisioningSeconds().sampler(streams.stream("compute.cpu.provisioning")));
      return loop.run(hours * 3600 * SimTime.MICROS_PER_SECOND);
    }
  }
}
