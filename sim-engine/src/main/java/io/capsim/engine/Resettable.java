package io.capsim.engine;

/** A statistic that forgets what it has recorded, as at the end of a warm-up period. */
@FunctionalInterface
public interface Resettable {
  /** Discards everything recorded so far; time-weighted statistics restart at {@code nowMicros}. */
  void reset(long nowMicros);
}
