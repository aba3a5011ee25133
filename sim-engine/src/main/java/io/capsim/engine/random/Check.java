package io.capsim.engine.random;

/** Parameter checks whose messages name the distribution, the parameter and the value. */
final class Check {
  private Check() {}

  static void positive(String distribution, String parameter, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw invalid(distribution, parameter, "must be finite and > 0", value);
    }
  }

  static void nonNegative(String distribution, String parameter, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw invalid(distribution, parameter, "must be finite and >= 0", value);
    }
  }

  /**
   * A distribution whose mean overflows draws numbers no run can use, and would make every estimate
   * of its load infinite.
   */
  static void finiteMean(String distribution, String parameter, double mean, double value) {
    if (Double.isInfinite(mean) || Double.isNaN(mean)) {
      throw invalid(distribution, parameter, "gives an infinite mean", value);
    }
  }

  static IllegalArgumentException invalid(
      String distribution, String parameter, String expected, double value) {
    return new IllegalArgumentException(
        distribution + ": " + parameter + " " + expected + ", was " + value);
  }
}
