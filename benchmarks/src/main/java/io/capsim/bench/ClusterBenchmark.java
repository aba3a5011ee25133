package io.capsim.bench;

import io.capsim.compute.ComputeStats;
import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.pool.Quotas;
import io.capsim.engine.random.Distribution;
import io.capsim.workload.ArrivalProcess;
import io.capsim.workload.ComputeRun;
import io.capsim.workload.Workload;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The compute model end to end: an autoscaling cluster of up to 1,000 Standard_D4s_v3 nodes
 * (provisioning 3 to 8 minutes, 120 s idle timeout) under Poisson arrivals of 800 one-hour
 * (lognormal) jobs an hour, with billing, the cost waterfall, wait quantiles and the end-of-run
 * invariant checks. One invocation simulates 1,250 hours, about 1,000,000 jobs; the score is jobs
 * per second (to within the ±0.1 % the Poisson count varies).
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
  static final double JOBS_PER_HOUR = 800;
  static final long HOURS = 1250;
  static final int EXPECTED_JOBS = (int) (JOBS_PER_HOUR * HOURS);

  private int replication;

  @Benchmark
  public ComputeStats autoscalingCluster() {
    return run(replication++);
  }

  static ComputeStats run(int replication) {
    ClusterSpec spec = ClusterSpec.defaults("cpu", "Standard_D4s_v3").withInstances(0, 1000);
    Workload workload =
        Workload.simple(
            "etl",
            "cpu",
            new ArrivalProcess.Poisson(JOBS_PER_HOUR / 3600),
            Distribution.lognormal(3000, 9000),
            "Standard_D4s_v3");
    return new ComputeRun(42, replication, spec, Quotas.unlimited(), workload)
        .runSeconds(HOURS * 3600);
  }
}
