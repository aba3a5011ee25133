package io.capsim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SideBySideRatioTest {
  @Test
  void ratioOfTotals_notMeanOfRatios_withTheStudentTHalfWidthOfTheIterations() {
    // Iterations 3/4, 4/4 and 10/8: ratios 0.75, 1.0, 1.25 (mean 1.0, sd 0.25); totals 17/16.
    SideBySideRatio ratio = SideBySideRatio.of(new double[] {3, 4, 10}, new double[] {4, 4, 8});
    assertThat(ratio.value()).isEqualTo(17.0 / 16);
    // t(0.9995, 2 degrees of freedom) = 31.5991 (published tables); 31.5991 * 0.25 / sqrt(3).
    assertThat(ratio.halfWidth()).isCloseTo(31.5991 * 0.25 / Math.sqrt(3), within(1e-3));
    assertThat(ratio.iterations()).isEqualTo(3);
    assertThat(ratio.format()).isEqualTo("1.06x ± 4.56 (3 it.)");
  }

  @Test
  void oneIteration_hasNoInterval_andSaysSo() {
    SideBySideRatio ratio = SideBySideRatio.of(new double[] {3}, new double[] {4});
    assertThat(ratio.halfWidth()).isNaN();
    assertThat(ratio.format()).isEqualTo("0.75x (1 it.)");
  }

  @Test
  void countersOfDifferentLengths_orNone_areRefused() {
    assertThatThrownBy(() -> SideBySideRatio.of(new double[] {1, 2}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("need the same number (>= 1) of both counters, got 2 and 1");
    assertThatThrownBy(() -> SideBySideRatio.of(new double[0], new double[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
