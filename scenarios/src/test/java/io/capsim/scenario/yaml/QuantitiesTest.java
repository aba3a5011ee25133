package io.capsim.scenario.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Durations and rates read as people write them, and durations written back exactly. */
class QuantitiesTest {
  @Test
  void durations_inEveryUnitAndIso() {
    assertThat(Quantities.durationMicros("90s")).contains(90_000_000L);
    assertThat(Quantities.durationMicros("15m")).contains(900_000_000L);
    assertThat(Quantities.durationMicros("2h")).contains(7_200_000_000L);
    assertThat(Quantities.durationMicros("3d")).contains(259_200_000_000L);
    assertThat(Quantities.durationMicros("1.5h")).contains(5_400_000_000L);
    assertThat(Quantities.durationMicros("PT2M")).contains(120_000_000L);
    assertThat(Quantities.durationMicros("250ms")).contains(250_000L);
    assertThat(Quantities.durationMicros("2 hours")).isEmpty();
    assertThat(Quantities.durationMicros("-5m")).isEmpty();
  }

  @Test
  void rates_perSecond() {
    assertThat(Quantities.ratePerSecond("40/day").orElseThrow())
        .isCloseTo(40 / 86_400.0, within(1e-15));
    assertThat(Quantities.ratePerSecond("3/h").orElseThrow()).isCloseTo(3 / 3600.0, within(1e-15));
    assertThat(Quantities.ratePerSecond("0.5/s")).contains(0.5);
    assertThat(Quantities.ratePerSecond("10 per day")).isEmpty();
  }

  @Property(tries = 300)
  void formatDuration_readsBackToTheSameMicros(
      @ForAll @LongRange(min = 0, max = 400L * 86_400_000_000L) long micros) {
    assertThat(Quantities.durationMicros(Quantities.formatDuration(micros))).contains(micros);
  }
}
