package io.capsim.engine.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Time averages of piecewise-constant values, computed by hand. */
class TimeWeightedTest {
  @Test
  void mean_piecewiseConstant_isAreaOverTime() {
    TimeWeighted nodes = new TimeWeighted(0, 0);
    nodes.update(10, 2); // 0 over [0, 10)
    nodes.update(40, 5); // 2 over [10, 40)
    nodes.add(50, -4); // 5 over [40, 50), then 1
    // (0·10 + 2·30 + 5·10 + 1·50) / 100 = 1.6
    assertThat(nodes.mean(100)).isEqualTo(1.6);
    assertThat(nodes.integralSeconds(100)).isEqualTo(160e-6);
    assertThat(nodes.max()).isEqualTo(5.0);
    assertThat(nodes.value()).isEqualTo(1.0);
  }

  @Test
  void mean_atTheStartInstant_isTheCurrentValue() {
    assertThat(new TimeWeighted(7, 3).mean(7)).isEqualTo(3.0);
  }

  @Test
  void reset_restartsTheAverageKeepingTheValue() {
    TimeWeighted queue = new TimeWeighted(0, 4);
    queue.reset(100);
    queue.update(150, 0);
    assertThat(queue.mean(200)).isEqualTo(2.0);
    assertThat(queue.max()).isEqualTo(4.0);
  }

  @Test
  void update_backwardsInTime_isRefused() {
    TimeWeighted busy = new TimeWeighted(0, 0);
    busy.update(10, 1);
    assertThatThrownBy(() -> busy.update(9, 2))
        .hasMessage(
            "time went backwards: 9 µs (00:00:00.000009) is before the last change at"
                + " 10 µs (00:00:00.000010)");
  }

  @Test
  void readingOrResettingBeforeTheLastChange_isRefused() {
    TimeWeighted nodes = new TimeWeighted(0, 1);
    nodes.update(100, 2);
    String message =
        "time went backwards: 99 µs (00:00:00.000099) is before the last change at"
            + " 100 µs (00:00:00.000100)";
    assertThatThrownBy(() -> nodes.mean(99)).hasMessage(message);
    assertThatThrownBy(() -> nodes.integralSeconds(99)).hasMessage(message);
    assertThatThrownBy(() -> nodes.reset(99)).hasMessage(message);
  }
}
