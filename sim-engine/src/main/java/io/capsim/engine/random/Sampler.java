package io.capsim.engine.random;

/** Draws values of one {@link Distribution} from one {@link RandomStream}. */
@FunctionalInterface
public interface Sampler {
  /** The next draw, in the unit the distribution's parameters were given in. */
  double sample();
}
