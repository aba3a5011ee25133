package io.capsim.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The closed forms the simulation is judged against, checked on cases worked by hand. */
class ErlangCTest {
  @Test
  void probabilityOfWaiting_singleServer_equalsUtilisation() {
    assertThat(ErlangC.probabilityOfWaiting(1, 0.9)).isCloseTo(0.9, within(1e-12));
  }

  @Test
  void probabilityOfWaiting_twoServersLoadOne_isOneThird() {
    // B(2, 1) = (1/2) / (1 + 1 + 1/2) = 0.2; C = 2·0.2 / (2 - 1·0.8) = 1/3.
    assertThat(ErlangC.probabilityOfWaiting(2, 1.0)).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void meanWait_mm1_isRhoOverMuMinusLambda() {
    assertThat(ErlangC.meanWait(1, 0.9, 1.0)).isCloseTo(9.0, within(1e-9));
  }

  @Test
  void waitQuantile_mm1p95_isLnEighteenOverPointOne() {
    assertThat(ErlangC.waitQuantile(1, 0.9, 1.0, 0.95))
        .isCloseTo(Math.log(0.9 / 0.05) / 0.1, within(1e-9));
  }

  @Test
  void waitQuantile_whenMostArrivalsDoNotWait_isZero() {
    assertThat(ErlangC.waitQuantile(20, 5, 1, 0.95)).isZero();
  }

  @Test
  void probabilityOfWaiting_unstable_isRefusedWithValues() {
    assertThatThrownBy(() -> ErlangC.probabilityOfWaiting(2, 2.0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c=2, a=2.0");
  }
}
