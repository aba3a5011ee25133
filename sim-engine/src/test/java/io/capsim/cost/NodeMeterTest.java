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

  @Test
  void everyReading_integratesUpToTheTimeAsked() {
    NodeMeter meter = new NodeMeter(0, 60);
    meter.change(0, 0, 51, 0);
    assertThat(meter.billedNodeMicros(10)).isEqualTo(510);
    NodeMeter busy = new NodeMeter(0, 60);
    busy.change(0, 0, 51, 0);
    assertThat(busy.busyNodeMicros(10)).isEqualTo(510);
    NodeMeter balanced = new NodeMeter(0, 60);
    balanced.change(0, 0, 51, 0);
    // 51 nodes need two load balancers
    assertThat(balanced.loadBalancerMicros(10)).isEqualTo(20);
  }

  @Test
  void aDipAtTheVeryEnd_isCaught() {
    NodeMeter meter = new NodeMeter(1, 4);
    meter.change(0, 0, 0, 1);
    meter.change(50, 0, 0, -1);
    meter.nodeEnded(50, 0);
    assertThatThrownBy(() -> meter.verify(100, new long[0], "c"))
        .hasMessage("c: 0 nodes from 50 µs (00:00:00.000050), below min_instances 1");
  }
}
