package io.capsim.workload;

import java.util.Arrays;

/** When a workload's jobs arrive. */
public sealed interface ArrivalProcess {
  /** Arrivals at {@code perSecond} on average, memoryless (a Poisson process). */
  record Poisson(double perSecond) implements ArrivalProcess {
    public Poisson {
      if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
        throw new IllegalArgumentException("arrival rate must be finite and > 0, was " + perSecond);
      }
    }
  }

  /** Arrivals at exactly these times, in microseconds from the start, in order. */
  record At(long[] micros) implements ArrivalProcess {
    public At {
      micros = micros.clone();
      for (int i = 0; i < micros.length; i++) {
        if (micros[i] < 0 || (i > 0 && micros[i] < micros[i - 1])) {
          throw new IllegalArgumentException(
              "arrival times must be >= 0 and in order; arrival "
                  + i
                  + " is at "
                  + micros[i]
                  + " µs");
        }
      }
    }

    @Override
    public long[] micros() {
      return micros.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof At that && Arrays.equals(micros, that.micros);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(micros);
    }

    @Override
    public String toString() {
      return "At" + Arrays.toString(micros);
    }
  }
}
