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
  void durationsBeyondTheClock_saturate_forTheParserToRefuseAsTooLong() {
    assertThat(Quantities.durationMicros("106751992d")).contains(Long.MAX_VALUE);
    assertThat(Quantities.durationMicros("P106751992D")).contains(Long.MAX_VALUE);
    assertThat(Quantities.durationMicros("P106751990D")).contains(106_751_990L * 86_400_000_000L);
    assertThat(Quantities.durationMicros("PT1.5S")).contains(1_500_000L);
    assertThat(Quantities.durationMicros("PT0.000001S")).contains(1L);
  }

  @Test
  void rates_perSecond() {
    assertThat(Quantities.ratePerSecond("40/day").orElseThrow())
        .isCloseTo(40 / 86_400.0, within(1e-15));
    assertThat(Quantities.ratePerSecond("3/h").orElseThrow()).isCloseTo(3 / 3600.0, within(1e-15));
    assertThat(Quantities.ratePerSecond("0.5/s")).contains(0.5);
    // Found by formatRate_readsBackToTheSameRate: per second, the count is read as written.
    assertThat(Quantities.ratePerSecond("0.000013552627/s")).contains(1.3552627e-5);
    assertThat(Quantities.ratePerSecond("10 per day")).isEmpty();
  }

  @Property(tries = 300)
  void formatDuration_readsBackToTheSameMicros(
      @ForAll @LongRange(min = 0, max = 400L * 86_400_000_000L) long micros) {
    assertThat(Quantities.durationMicros(Quantities.formatDuration(micros))).contains(micros);
  }

  @Test
  void formatRate_writesAWholeCountInTheSmallestUnitThatHasOne_elseTheShortestExactDecimal() {
    // 0.05/h: neither 1.2/day nor 0.0008333.../min reads back to the same double.
    assertThat(Quantities.formatRate(Quantities.ratePerSecond("60/day").orElseThrow()))
        .isEqualTo("60/day");
    assertThat(Quantities.formatRate(Quantities.ratePerSecond("3/h").orElseThrow()))
        .isEqualTo("3/h");
    assertThat(Quantities.formatRate(Quantities.ratePerSecond("800/h").orElseThrow()))
        .isEqualTo("800/h");
    assertThat(Quantities.formatRate(0.5)).isEqualTo("30/min");
    assertThat(Quantities.formatRate(2)).isEqualTo("2/s");
    assertThat(Quantities.formatRate(Quantities.ratePerSecond("0.05/h").orElseThrow()))
        .isEqualTo("0.05/h");
  }

  @Property(tries = 300)
  void formatRate_readsBackToTheSameRate(
      @ForAll
          @net.jqwik.api.constraints.DoubleRange(min = 1e-6, max = 1e3)
          @net.jqwik.api.constraints.Scale(12)
          double perSecond) {
    assertThat(Quantities.ratePerSecond(Quantities.formatRate(perSecond))).contains(perSecond);
  }
}
