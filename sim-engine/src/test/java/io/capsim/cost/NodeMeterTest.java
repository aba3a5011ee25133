package io.capsim.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The meter splits idle time between floor and idle, and its check fails loudly with figures. */
class NodeMeterTest {
  @Test
  void idleNodesUpToTheFloorMinusBusyOnes_areFloor() {
    NodeMeter meter = new NodeMeter(2, 10);
    meter.change(0, 0, 1, 2); // 1 busy, 2 idle: one idle node is floor, one is idle
    assertThat(meter.nodeSeconds(1_000_000))
        .containsEntry(CostBucket.FLOOR, 1.0)
        .containsEntry(CostBucket.IDLE, 1.0)
        .containsEntry(CostBucket.PRODUCTIVE, 1.0);
  }

  @Test
  void verify_billedTimeDiffersFromLifetimes_failsWithBothFigures() {
    NodeMeter meter = new NodeMeter(0, 10);
    meter.change(0, 0, 0, 1);
    assertThatThrownBy(() -> meter.verify(10, new long[] {5}, "gpu"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "gpu at 10 µs (00:00:00.000010): billed 10 node-µs but nodes lived 5 node-µs"
                + " (1 alive, meter counts 1)");
  }

  @Test
  void change_belowZero_failsWithTheCounts() {
    NodeMeter meter = new NodeMeter(0, 10);
    assertThatThrownBy(() -> meter.change(0, 0, -1, 0))
        .hasMessageContaining("node counts went negative: provisioning 0, busy -1, idle 0");
  }
}
