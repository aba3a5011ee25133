package io.capsim.engine.random;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One named source of randomness in one run: a Mersenne Twister (commons-math3) seeded from (run
 * seed, stream name, replication) by {@link RandomStreams}. Not thread-safe.
 */
public final class RandomStream {
  private final String name;
  private final MersenneTwister generator;

  RandomStream(String name, int[] seed) {
    this.name = name;
    this.generator = new MersenneTwister(seed);
  }

  public String name() {
    return name;
  }

  /** A uniform draw from [0, 1). */
  public double nextDouble() {
    return generator.nextDouble();
  }

  /** A uniform draw from [0, {@code bound}). */
  public int nextInt(int bound) {
    return generator.nextInt(bound);
  }

  /**
   * The underlying generator, for commons-math3 distributions; draws from it advance this stream.
   */
  public RandomGenerator generator() {
    return generator;
  }

  @Override
  public String toString() {
    return "RandomStream[" + name + "]";
  }
}
