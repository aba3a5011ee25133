package io.capsim.bench;

import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.engine.random.Distribution;
import io.capsim.engine.random.RandomStreams;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One draw of each distribution the cluster benchmark samples per job (exponential interarrival,
 * lognormal duration, uniform provisioning): {@code capsim} is what capsim draws with, Apache
 * Commons RNG (XoShiRo256++, the ziggurat exponential and Gaussian) through {@link Distribution};
 * {@code commons-math3} is what it drew with until 2026-12 (a Mersenne Twister seeded from the same
 * SHA-256 digest, commons-math3's distributions), kept as the baseline the choice was measured
 * against. Draws per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SamplingBenchmark.DRAWS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SamplingBenchmark {
  static final int DRAWS = 1000;
  private static final double MEAN_INTERARRIVAL_SECONDS = 4.5;

  @Param({"capsim", "commons-math3"})
  public String library;

  @Param({"exponential", "lognormal", "uniform"})
  public String distribution;

  private DoubleSupplier sampler = () -> 0;

  @Setup
  public void setUp() {
    sampler = library.equals("capsim") ? capsim() : math3();
  }

  private Distribution chosen() {
    return switch (distribution) {
      case "exponential" -> Distribution.exponential(MEAN_INTERARRIVAL_SECONDS);
      case "lognormal" -> ClusterBenchmark.DURATION_SECONDS;
      default -> ClusterSpec.DEFAULT_PROVISIONING_SECONDS;
    };
  }

  private DoubleSupplier capsim() {
    return chosen().sampler(new RandomStreams(42, 0).stream("bench"))::sample;
  }

  private DoubleSupplier math3() {
    ByteBuffer digest = ByteBuffer.allocate(32);
    for (long word : RandomStreams.seedFor(42, "bench", 0)) {
      digest.putLong(word);
    }
    digest.flip();
    int[] seed = new int[8];
    for (int i = 0; i < seed.length; i++) {
      seed[i] = digest.getInt();
    }
    MersenneTwister twister = new MersenneTwister(seed);
    Distribution chosen = chosen();
    if (chosen instanceof Distribution.Exponential e) {
      return new ExponentialDistribution(twister, e.mean())::sample;
    }
    if (chosen instanceof Distribution.LogNormal l) {
      return new LogNormalDistribution(twister, l.mu(), l.sigma())::sample;
    }
    Distribution.Uniform u = (Distribution.Uniform) chosen;
    return new UniformRealDistribution(twister, u.min(), u.max())::sample;
  }

  @Benchmark
  public double draw() {
    double sum = 0;
    for (int i = 0; i < DRAWS; i++) {
      sum += sampler.getAsDouble();
    }
    return sum;
  }
}
