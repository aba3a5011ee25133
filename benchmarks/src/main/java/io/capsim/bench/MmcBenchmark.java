package io.capsim.bench;

import io.capsim.engine.Simulation;
import io.capsim.engine.model.MmcQueue;
import io.capsim.engine.random.RandomStreams;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One M/M/c run of 1,000,000 customers (c = 100, utilisation 0.9) per invocation, on the capsim
 * engine ({@code MmcQueue}, the model the Erlang C tests verify) and as a hand-written loop on a
 * primitive heap; the score is customers per second. Each invocation uses the next replication's
 * streams, the same for both models.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar MmcBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(MmcBenchmark.CUSTOMERS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MmcBenchmark {
  static final int CUSTOMERS = 1_000_000;
  static final int SERVERS = 100;
  static final double SERVICE_RATE = 1.0;
  static final double ARRIVAL_RATE = 0.9 * SERVERS * SERVICE_RATE;

  @Param({"engine", "hand-loop"})
  String model;

  private int replication;

  @Benchmark
  public long run() {
    RandomStreams streams = new RandomStreams(42, replication++);
    return model.equals("engine")
        ? onEngine(streams)
        : HandWrittenMmc.run(SERVERS, ARRIVAL_RATE, SERVICE_RATE, CUSTOMERS, streams).nowMicros();
  }

  static long onEngine(RandomStreams streams) {
    Simulation simulation = new Simulation(streams, io.capsim.engine.HeapArity.DEFAULT);
    MmcQueue queue = new MmcQueue(simulation, SERVERS, ARRIVAL_RATE, SERVICE_RATE, CUSTOMERS);
    queue.start();
    simulation.run();
    return simulation.nowMicros();
  }
}
