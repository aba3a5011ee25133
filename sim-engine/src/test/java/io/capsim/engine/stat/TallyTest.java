package io.capsim.engine.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Welford's running moments equal the two-pass textbook values, and the t interval is right. */
class TallyTest {
  @Test
  void halfWidth95_fiveObservations_usesStudentTWithFourDegreesOfFreedom() {
    Tally tally = new Tally();
    for (double x : new double[] {2, 4, 4, 5, 10}) {
      tally.record(x);
    }
    assertThat(tally.mean()).isEqualTo(5.0);
    assertThat(tally.variance()).isCloseTo(9.0, within(1e-12));
    // t(0.975, 4) = 2.7764451051977987; s / sqrt(n) = 3 / sqrt(5)
    assertThat(tally.halfWidth95()).isCloseTo(2.7764451051977987 * 3 / Math.sqrt(5), within(1e-9));
    assertThat(tally.min()).isEqualTo(2.0);
    assertThat(tally.max()).isEqualTo(10.0);
  }

  @Test
  void emptyOrSingle_hasNoVarianceNorInterval() {
    Tally tally = new Tally();
    assertThat(tally.mean()).isNaN();
    tally.record(3);
    assertThat(tally.mean()).isEqualTo(3.0);
    assertThat(tally.variance()).isNaN();
    assertThat(tally.halfWidth95()).isNaN();
  }

  @Test
  void record_largeOffset_keepsVarianceAccurate() {
    Tally tally = new Tally();
    for (double x : new double[] {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16}) {
      tally.record(x);
    }
    assertThat(tally.variance()).isCloseTo(30.0, within(1e-6));
  }

  @Test
  void halfWidth_levelOutsideZeroOne_isRefused() {
    assertThatThrownBy(() -> new Tally().halfWidth(1.0))
        .hasMessage("confidence level must be in (0, 1), was 1.0");
  }

  @Test
  void reset_forgetsEverything() {
    Tally tally = new Tally();
    tally.record(5);
    tally.reset(0);
    assertThat(tally.count()).isZero();
    assertThat(tally.mean()).isNaN();
    assertThat(tally.max()).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Property(tries = 200)
  void record_anyValues_matchesTwoPassMeanAndVariance(
      @ForAll @Size(min = 2, max = 200) List<@DoubleRange(min = -1e6, max = 1e6) Double> values) {
    Tally tally = new Tally();
    values.forEach(tally::record);
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double ss = values.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
    assertThat(tally.mean()).isCloseTo(mean, within(1e-6));
    assertThat(tally.variance()).isCloseTo(ss / (values.size() - 1), within(1e-6 * (1 + ss)));
  }

  @Test
  void halfWidth_levelMustBeInsideZeroAndOne_andTwoObservationsSuffice() {
    Tally tally = new Tally();
    tally.record(1);
    assertThat(tally.halfWidth95()).isNaN();
    tally.record(3);
    // t(0.975, 1) = 12.7062; sd = sqrt(2); n = 2
    assertThat(tally.halfWidth95())
        .isCloseTo(12.7062047 * Math.sqrt(2) / Math.sqrt(2), within(1e-6));
    assertThatThrownBy(() -> tally.halfWidth(0))
        .hasMessage("confidence level must be in (0, 1), was 0.0");
    assertThatThrownBy(() -> tally.halfWidth(1))
        .hasMessage("confidence level must be in (0, 1), was 1.0");
    assertThat(tally).hasToString("Tally[n=2, mean=2.0, sd=1.4142135623730951]");
  }
}
