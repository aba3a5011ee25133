package io.capsim.compute.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capsim.catalog.Catalog;
import io.capsim.cost.CostBucket;
import io.capsim.cost.NodeMeter;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Distribution;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The node pool serves an owner that is not a cluster: one running two requests at once on each
 * node (slots), as an endpoint deployment would. It takes a node when its first slot fills and
 * gives it back when its last empties; the pool provisions, idles, releases to the floor and meters
 * every node as it does for a cluster. Timelines in seconds; 8 vCPU Standard_D8s_v3 nodes.
 */
class NodePoolTest {
  private static final long S = SimTime.MICROS_PER_SECOND;

  /** Requests of a fixed length, two at once per node, first come first served. */
  private static final class TwoSlotOwner implements NodePool.Owner<int[]> {
    final Simulation simulation;
    final ArrayDeque<Long> waiting = new ArrayDeque<>();
    final List<Integer> partlyFree = new ArrayList<>();
    final List<Long> startedAtSeconds = new ArrayList<>();

    @SuppressWarnings("NullAway.Init") // set right after the pool is built
    NodePool<int[]> pool;

    TwoSlotOwner(Simulation simulation) {
      this.simulation = simulation;
    }

    void submit(long requestMicros) {
      waiting.addLast(requestMicros);
      dispatch();
      pool.requestUpTo((waiting.size() + 1) / 2 - pool.idleCount() - pool.provisioningCount());
    }

    @Override
    public boolean workWaiting() {
      return !waiting.isEmpty();
    }

    @Override
    public void dispatch() {
      while (!waiting.isEmpty() && (!partlyFree.isEmpty() || pool.idleCount() > 0)) {
        int node;
        if (partlyFree.isEmpty()) {
          node = pool.take(new int[] {0});
          partlyFree.add(node);
        } else {
          node = partlyFree.get(0);
        }
        int[] busySlots = pool.work(node);
        busySlots[0]++;
        if (busySlots[0] == 2) {
          partlyFree.remove(Integer.valueOf(node));
        }
        startedAtSeconds.add(simulation.nowMicros() / S);
        int on = node;
        simulation.schedule(waiting.pollFirst(), scheduler -> finish(on));
      }
    }

    private void finish(int node) {
      int[] busySlots = pool.work(node);
      busySlots[0]--;
      if (busySlots[0] == 0) {
        partlyFree.remove(Integer.valueOf(node));
        pool.giveBack(node);
      } else if (!partlyFree.contains(node)) {
        partlyFree.add(node);
      }
      dispatch();
    }

    @Override
    public void preempted(int[] work, int lost, long nowMicros) {
      throw new AssertionError("dedicated nodes are never preempted");
    }

    @Override
    public void workDone(int[] work) {
      throw new AssertionError("each request ends by its own event");
    }
  }

  private static NodePool<int[]> pool(
      Simulation simulation, TwoSlotOwner owner, NodeMeter meter, int floor, Quotas quotas) {
    NodePool<int[]> pool =
        new NodePool<>(
            simulation,
            Catalog.builtin().size("Standard_D8s_v3"),
            Tier.DEDICATED,
            quotas,
            meter,
            floor,
            3,
            100 * S,
            0,
            Distribution.constant(60).sampler(simulation.stream("provisioning")),
            Optional.empty(),
            owner);
    owner.pool = pool;
    return pool;
  }

  private static void threeRequestsOf300sAtT10(Simulation simulation, TwoSlotOwner owner) {
    simulation.scheduleAt(
        10 * S,
        scheduler -> {
          for (int i = 0; i < 3; i++) {
            owner.submit(300 * S);
          }
        });
    simulation.runUntil(1000 * S);
  }

  @Test
  void threeRequestsAtT10_fillTwoSlotsOnOneNodeAndOneOnAnother_thenBothIdleOutAtT470() {
    // t=10: three 300 s requests want two nodes, ready at 70. Node 1 takes requests 1 and 2, node 2
    // request 3; all end at 370; both nodes idle 100 s and go at 470. Each lived 460 s: 60
    // provisioning, 300 busy, 100 idle.
    Simulation simulation = new Simulation(1, 0);
    TwoSlotOwner owner = new TwoSlotOwner(simulation);
    NodeMeter meter = new NodeMeter(0, 3);
    NodePool<int[]> pool = pool(simulation, owner, meter, 0, Quotas.unlimited());
    assertThat(pool.createFloor()).isTrue();
    threeRequestsOf300sAtT10(simulation, owner);
    assertThat(owner.startedAtSeconds).containsExactly(70L, 70L, 70L);
    assertThat(meter.peakNodes()).isEqualTo(2);
    assertThat(meter.nodes()).isZero();
    assertThat(meter.nodeSeconds(1000 * S))
        .isEqualTo(
            Map.of(
                CostBucket.PROVISIONING, 120.0,
                CostBucket.PRODUCTIVE, 600.0,
                CostBucket.IDLE, 200.0,
                CostBucket.FLOOR, 0.0,
                CostBucket.LOST_WORK, 0.0));
    assertThat(meter.verify(1000 * S, pool.createdMicrosOfAlive(), "pool")).isEqualTo(920 * S);
  }

  @Test
  void aFloorNode_servesTwoRequestsAtOnce_andStays_whileTheQuotaStopsASecondNode() {
    // Floor 1 under an 8-vCPU Ds_v3 quota: the floor node holds it all. t=10: three 300 s
    // requests; the floor node runs two at once, the third waits for a slot (no quota for a second
    // node) and starts at 310 when they end, to 610. The node stays: 1000 s of floor and work.
    Simulation simulation = new Simulation(1, 0);
    TwoSlotOwner owner = new TwoSlotOwner(simulation);
    NodeMeter meter = new NodeMeter(1, 3);
    Quotas quotas = new Quotas(Map.of("Ds_v3", 8), java.util.OptionalInt.empty());
    NodePool<int[]> pool = pool(simulation, owner, meter, 1, quotas);
    assertThat(pool.createFloor()).isTrue();
    threeRequestsOf300sAtT10(simulation, owner);
    assertThat(owner.startedAtSeconds).containsExactly(10L, 10L, 310L);
    assertThat(meter.peakNodes()).isEqualTo(1);
    assertThat(meter.nodes()).isEqualTo(1);
    Map<CostBucket, Double> seconds = meter.nodeSeconds(1000 * S);
    assertThat(seconds.get(CostBucket.PRODUCTIVE)).isEqualTo(600.0);
    assertThat(seconds.get(CostBucket.FLOOR)).isEqualTo(400.0);
    assertThat(seconds.get(CostBucket.IDLE)).isEqualTo(0.0);
    assertThat(quotas.inUse("Ds_v3", Tier.DEDICATED)).isEqualTo(8);
  }

  @Test
  void aPoolTooLargeToNumberItsNodes_isRefused_andItsEventFiresOnlyWithANumber() {
    Simulation simulation = new Simulation(1, 0);
    assertThatThrownBy(
            () ->
                new NodePool<>(
                    simulation,
                    Catalog.builtin().size("Standard_D8s_v3"),
                    Tier.DEDICATED,
                    Quotas.unlimited(),
                    new NodeMeter(0, 1),
                    0,
                    PoolEvent.MAX_NODES,
                    100 * S,
                    0,
                    Distribution.constant(60).sampler(simulation.stream("provisioning")),
                    Optional.empty(),
                    new TwoSlotOwner(simulation)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a pool holds at most 268435455 nodes, was 268435456");
    TwoSlotOwner owner = new TwoSlotOwner(simulation);
    NodePool<int[]> pool = pool(simulation, owner, new NodeMeter(0, 3), 0, Quotas.unlimited());
    assertThatThrownBy(() -> new PoolEvent(pool).fire(simulation))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a pool's events are always scheduled with their number");
  }
}
