package io.capsim.engine.model;

/**
 * Closed-form results for the M/M/c queue (Poisson arrivals at rate λ, exponential service at rate
 * μ, c servers, FIFO), from Erlang's C formula. The offered load is a = λ/μ; stable when a < c.
 */
public final class ErlangC {
  private ErlangC() {}

  /**
   * The probability that an arrival has to wait, C(c, a), computed from the Erlang B recurrence
   * {@code B(k) = a·B(k-1) / (k + a·B(k-1))}, which avoids the factorials' overflow.
   */
  public static double probabilityOfWaiting(int servers, double offeredLoad) {
    if (servers < 1 || !(offeredLoad > 0) || offeredLoad >= servers) {
      throw new IllegalArgumentException(
          "need c >= 1 and 0 < a < c for a stable M/M/c, got c=" + servers + ", a=" + offeredLoad);
    }
    double erlangB = 1;
    for (int k = 1; k <= servers; k++) {
      erlangB = offeredLoad * erlangB / (k + offeredLoad * erlangB);
    }
    return servers * erlangB / (servers - offeredLoad * (1 - erlangB));
  }

  /** The mean wait in queue, C / (cμ - λ), in the time unit of the rates. */
  public static double meanWait(int servers, double arrivalRate, double serviceRate) {
    double c = probabilityOfWaiting(servers, arrivalRate / serviceRate);
    return c / (servers * serviceRate - arrivalRate);
  }

  /**
   * The {@code quantile} of the wait in queue: P(Wq > t) = C·exp(-(cμ - λ)t), so t = ln(C / (1 -
   * q)) / (cμ - λ), and 0 where at least that share of arrivals does not wait at all.
   */
  public static double waitQuantile(
      int servers, double arrivalRate, double serviceRate, double quantile) {
    double c = probabilityOfWaiting(servers, arrivalRate / serviceRate);
    double tail = 1 - quantile;
    return c <= tail ? 0 : Math.log(c / tail) / (servers * serviceRate - arrivalRate);
  }
}
