package io.capsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimTimeTest {
  @Test
  void format_keepsExactMicrosAndShowsDaysAndClock() {
    assertThat(SimTime.format(93_784_000_005L)).isEqualTo("93784000005 µs (1d 02:03:04.000005)");
    assertThat(SimTime.format(0)).isEqualTo("0 µs (00:00:00)");
    assertThat(SimTime.format(-1_000_000)).isEqualTo("-1000000 µs (-00:00:01)");
  }

  @Test
  void secondsToMicros_roundsToTheNearestMicrosecond() {
    assertThat(SimTime.secondsToMicros(1.0000004)).isEqualTo(1_000_000);
    assertThat(SimTime.secondsToMicros(1.0000006)).isEqualTo(1_000_001);
    assertThat(SimTime.microsToSeconds(2_500_000)).isEqualTo(2.5);
  }

  @Test
  void secondsToMicros_capsAtTenLongestRuns_soThatACappedTimeEndsAfterEveryRun() {
    assertThat(SimTime.LONGEST_RUN_MICROS).isEqualTo(36_500L * 86_400 * 1_000_000);
    assertThat(SimTime.LONGEST_DELAY_MICROS).isEqualTo(10 * SimTime.LONGEST_RUN_MICROS);
    double longestSeconds = SimTime.LONGEST_DELAY_MICROS / 1e6;
    assertThat(SimTime.secondsToMicros(longestSeconds - 1))
        .isEqualTo(SimTime.LONGEST_DELAY_MICROS - 1_000_000);
    assertThat(SimTime.secondsToMicros(longestSeconds)).isEqualTo(SimTime.LONGEST_DELAY_MICROS);
    assertThat(SimTime.secondsToMicros(1e300)).isEqualTo(SimTime.LONGEST_DELAY_MICROS);
    assertThat(SimTime.secondsToMicros(Double.POSITIVE_INFINITY))
        .isEqualTo(SimTime.LONGEST_DELAY_MICROS);
  }
}
