package io.capsim.cost;

import io.capsim.engine.Resettable;
import io.capsim.engine.SimTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * Integrates how many nodes of one compute are provisioning, busy and idle over time, in exact
 * node-microseconds, and prices them into {@link CostBucket}s. Idle nodes count as {@code FLOOR} up
 * to {@code min_instances} minus the nodes doing something else, and as {@code IDLE} beyond.
 *
 * <p>It also sums node lifetimes along a separate path (each node's start and end), so that {@link
 * #verify} can check that the billed node time equals the time nodes existed, and it keeps the
 * fewest and most nodes that existed at any instant, which {@link #verify} holds to the compute's
 * bounds.
 */
public final class NodeMeter implements Resettable {
  /** Nodes per standard load balancer an Azure ML cluster starts. */
  public static final int NODES_PER_LOAD_BALANCER = 50;

  private final int floorNodes;
  private final int maxNodes;
  private long windowStartMicros;
  private long lastMicros;
  private int provisioning;
  private int busy;
  private int idle;
  private int peakNodes;
  private int troughNodes = Integer.MAX_VALUE;
  private long troughSinceMicros;

  private long provisioningNodeMicros;
  private long busyNodeMicros;
  private long idleNodeMicros;
  private long floorNodeMicros;
  private long lostNodeMicros;
  private long loadBalancerMicros;
  private long endedLifetimeNodeMicros;

  /**
   * A meter for a compute that keeps {@code floorNodes} to {@code maxNodes} nodes; its idle nodes
   * up to {@code floorNodes} are billed as the {@code min_instances} floor.
   */
  public NodeMeter(int floorNodes, int maxNodes) {
    this.floorNodes = floorNodes;
    this.maxNodes = maxNodes;
  }

  /** Nodes that exist now, in any state. */
  public int nodes() {
    return provisioning + busy + idle;
  }

  public int provisioningNodes() {
    return provisioning;
  }

  /** The most nodes that existed at once since the start or the last reset. */
  public int peakNodes() {
    return peakNodes;
  }

  /**
   * The fewest nodes that existed over any stretch of time since the start or the last reset (a
   * count that lasts no time, inside one event, does not count); {@code Integer.MAX_VALUE} before
   * any time has passed.
   */
  public int troughNodes() {
    return troughNodes;
  }

  /** Applies a change in node counts at {@code nowMicros}, after integrating up to it. */
  public void change(long nowMicros, int deltaProvisioning, int deltaBusy, int deltaIdle) {
    advanceTo(nowMicros);
    provisioning += deltaProvisioning;
    busy += deltaBusy;
    idle += deltaIdle;
    if (provisioning < 0 || busy < 0 || idle < 0) {
      throw new IllegalStateException(
          String.format(
              "t=%s: node counts went negative: provisioning %d, busy %d, idle %d",
              SimTime.format(nowMicros), provisioning, busy, idle));
    }
    peakNodes = Math.max(peakNodes, nodes());
  }

  /** Records that a node which existed since {@code createdMicros} is gone at {@code nowMicros}. */
  public void nodeEnded(long nowMicros, long createdMicros) {
    endedLifetimeNodeMicros += nowMicros - Math.max(createdMicros, windowStartMicros);
  }

  /**
   * Moves work a preemption threw away, {@code lostMicros} on each of {@code nodes} nodes, from
   * busy time to lost work; only the part since the last reset, which busy time covers.
   */
  public void recordLostWork(long nowMicros, long lostMicros, int nodes) {
    // No need to integrate first: the move between the two sums is the same whenever it is made.
    long nodeMicros = Math.min(lostMicros, nowMicros - windowStartMicros) * nodes;
    lostNodeMicros += nodeMicros;
    busyNodeMicros -= nodeMicros;
  }

  private void advanceTo(long nowMicros) {
    long elapsed = nowMicros - lastMicros;
    if (elapsed < 0) {
      throw new IllegalStateException(
          "time went backwards: " + SimTime.format(nowMicros) + " < " + SimTime.format(lastMicros));
    }
    int nodes = nodes();
    if (elapsed > 0 && nodes < troughNodes) {
      troughNodes = nodes;
      troughSinceMicros = lastMicros;
    }
    int floor = Math.max(0, Math.min(idle, floorNodes - provisioning - busy));
    provisioningNodeMicros += provisioning * elapsed;
    busyNodeMicros += busy * elapsed;
    floorNodeMicros += floor * elapsed;
    idleNodeMicros += (idle - floor) * elapsed;
    int loadBalancers = (nodes + NODES_PER_LOAD_BALANCER - 1) / NODES_PER_LOAD_BALANCER;
    loadBalancerMicros += loadBalancers * elapsed;
    lastMicros = nowMicros;
  }

  /** Node-seconds by bucket up to {@code nowMicros} (no {@code STOPPED} or {@code LB}). */
  public Map<CostBucket, Double> nodeSeconds(long nowMicros) {
    advanceTo(nowMicros);
    Map<CostBucket, Double> seconds = new EnumMap<>(CostBucket.class);
    seconds.put(CostBucket.PRODUCTIVE, SimTime.microsToSeconds(busyNodeMicros));
    seconds.put(CostBucket.PROVISIONING, SimTime.microsToSeconds(provisioningNodeMicros));
    seconds.put(CostBucket.IDLE, SimTime.microsToSeconds(idleNodeMicros));
    seconds.put(CostBucket.FLOOR, SimTime.microsToSeconds(floorNodeMicros));
    seconds.put(CostBucket.LOST_WORK, SimTime.microsToSeconds(lostNodeMicros));
    return seconds;
  }

  /** Billed node time in node-microseconds up to {@code nowMicros}. */
  public long billedNodeMicros(long nowMicros) {
    advanceTo(nowMicros);
    return busyNodeMicros
        + lostNodeMicros
        + provisioningNodeMicros
        + idleNodeMicros
        + floorNodeMicros;
  }

  /** Node time spent on work, kept or lost, in node-microseconds. */
  public long busyNodeMicros(long nowMicros) {
    advanceTo(nowMicros);
    return busyNodeMicros + lostNodeMicros;
  }

  /** Load-balancer-microseconds up to {@code nowMicros}. */
  public long loadBalancerMicros(long nowMicros) {
    advanceTo(nowMicros);
    return loadBalancerMicros;
  }

  /**
   * Checks that billed node time equals the lifetimes of the nodes, given {@code
   * aliveCreatedMicros}, when each node still alive was created, and that the nodes stayed within
   * the floor and the maximum at every instant.
   *
   * @return the node lifetimes, in node-microseconds since the start or the last reset
   * @throws IllegalStateException with the figures when they differ
   */
  public long verify(long nowMicros, long[] aliveCreatedMicros, String compute) {
    verifyBounds(nowMicros, compute);
    long lifetimes = endedLifetimeNodeMicros;
    for (long created : aliveCreatedMicros) {
      lifetimes += nowMicros - Math.max(created, windowStartMicros);
    }
    long billed = billedNodeMicros(nowMicros);
    if (billed != lifetimes || aliveCreatedMicros.length != nodes()) {
      throw new IllegalStateException(
          String.format(
              "%s at %s: billed %d node-µs but nodes lived %d node-µs (%d alive, meter counts %d)",
              compute,
              SimTime.format(nowMicros),
              billed,
              lifetimes,
              aliveCreatedMicros.length,
              nodes()));
    }
    return lifetimes;
  }

  private void verifyBounds(long nowMicros, String compute) {
    advanceTo(nowMicros);
    if (troughNodes < floorNodes) {
      throw new IllegalStateException(
          String.format(
              "%s: %d nodes from %s, below min_instances %d",
              compute, troughNodes, SimTime.format(troughSinceMicros), floorNodes));
    }
    if (peakNodes > maxNodes) {
      throw new IllegalStateException(
          String.format(
              "%s: %d nodes at once, above max_instances %d", compute, peakNodes, maxNodes));
    }
  }

  @Override
  public void reset(long nowMicros) {
    advanceTo(nowMicros);
    windowStartMicros = nowMicros;
    provisioningNodeMicros = 0;
    busyNodeMicros = 0;
    idleNodeMicros = 0;
    floorNodeMicros = 0;
    lostNodeMicros = 0;
    loadBalancerMicros = 0;
    endedLifetimeNodeMicros = 0;
    peakNodes = nodes();
    troughNodes = Integer.MAX_VALUE;
  }
}
