package io.capsim.bench;

import io.capsim.engine.random.Distribution;
import io.capsim.engine.random.RandomStreams;
import io.capsim.engine.random.Sampler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The classic hold model: {@code pending} events wait; each operation polls the earliest and
 * schedules it again at its time + Exp(1). Increments are drawn in setup from a seeded stream and
 * read with {@code index++ & MASK}, so every queue sees the same sequence.
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar HoldModelBenchmark}</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class HoldModelBenchmark {
  private static final int MASK = (1 << 16) - 1;

  @Param({
    "capsim",
    "capsim-binary",
    "capsim-4ary",
    "primitive-heap",
    "jdk",
    "ssj-splay",
    "ssj-henriksen"
  })
  String queue;

  @Param({"1000", "100000"})
  int pending;

  private final double[] increments = new double[MASK + 1];
  private int index;
  private HoldQueue hold;

  @Setup
  public void setup() {
    Sampler exp = Distribution.exponential(1).sampler(new RandomStreams(1, 0).stream("hold"));
    for (int i = 0; i < increments.length; i++) {
      increments[i] = exp.sample();
    }
    hold = HoldQueues.create(queue);
    for (int i = 0; i < pending; i++) {
      hold.add(exp.sample());
    }
  }

  @Benchmark
  public double hold() {
    return hold.hold(increments[index++ & MASK]);
  }
}
