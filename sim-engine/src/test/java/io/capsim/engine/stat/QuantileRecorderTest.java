package io.capsim.engine.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Quantiles agree with the exact sample quantiles to HdrHistogram's 3 significant digits. */
class QuantileRecorderTest {
  @Test
  void quantile_uniformSeconds_isWithinATenthOfAPercent() {
    QuantileRecorder waits = new QuantileRecorder();
    for (long seconds = 1; seconds <= 1000; seconds++) {
      waits.record(seconds * 1_000_000);
    }
    assertThat(waits.count()).isEqualTo(1000);
    assertThat((double) waits.quantileMicros(0.5)).isCloseTo(500e6, within(500e3));
    assertThat((double) waits.quantileMicros(0.95)).isCloseTo(950e6, within(950e3));
    assertThat((double) waits.quantileMicros(0.99)).isCloseTo(990e6, within(990e3));
    assertThat(waits.meanMicros()).isCloseTo(500.5e6, within(500e3));
  }

  @Test
  void quantile_mostlyZeroWaits_isZero() {
    QuantileRecorder waits = new QuantileRecorder();
    for (int i = 0; i < 96; i++) {
      waits.record(0);
    }
    for (int i = 0; i < 4; i++) {
      waits.record(3_600_000_000L);
    }
    assertThat(waits.quantileMicros(0.95)).isZero();
    assertThat((double) waits.quantileMicros(0.99)).isCloseTo(3.6e9, within(3.6e6));
  }

  @Test
  void emptyAndReset_giveNoQuantile() {
    QuantileRecorder waits = new QuantileRecorder();
    assertThat(waits.meanMicros()).isNaN();
    waits.record(5);
    waits.reset(0);
    assertThat(waits.count()).isZero();
    assertThat(waits.quantileMicros(0.5)).isZero();
  }

  @Test
  void record_negative_isRefused() {
    assertThatThrownBy(() -> new QuantileRecorder().record(-3))
        .hasMessage("cannot record a negative duration: -3 µs");
  }

  @Test
  void quantilesZeroAndOne_areTheExtremes_andOthersAreRefused() {
    QuantileRecorder waits = new QuantileRecorder();
    waits.record(1_000);
    waits.record(2_000);
    assertThat(waits.quantileMicros(0)).isEqualTo(1_000);
    assertThat(waits.quantileMicros(1)).isEqualTo(2_000);
    assertThatThrownBy(() -> waits.quantileMicros(1.0001))
        .hasMessage("quantile must be in [0, 1], was 1.0001");
    assertThatThrownBy(() -> waits.quantileMicros(-0.0001))
        .hasMessage("quantile must be in [0, 1], was -1.0E-4");
  }
}
