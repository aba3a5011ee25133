package io.capsim.engine.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * One named source of randomness in one run: an XoShiRo256++ generator (Apache Commons RNG) whose
 * state is derived from (run seed, stream name, replication) by {@link RandomStreams}. Not
 * thread-safe.
 */
public final class RandomStream {
  private final String name;
  private final XoShiRo256PlusPlus generator;

  RandomStream(String name, long[] state) {
    this.name = name;
    this.generator = new XoShiRo256PlusPlus(state);
  }

  public String name() {
    return name;
  }

  /** A uniform draw from [0, 1), from the generator's upper 53 bits. */
  public double nextDouble() {
    return generator.nextDouble();
  }

  /** The generator's next 64 bits. */
  public long nextLong() {
    return generator.nextLong();
  }

  /** The generator, for Commons RNG samplers; draws from it advance this stream. */
  UniformRandomProvider provider() {
    return generator;
  }

  @Override
  public String toString() {
    return "RandomStream[" + name + "]";
  }
}
