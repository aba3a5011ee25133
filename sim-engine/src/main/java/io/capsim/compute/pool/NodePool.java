package io.capsim.compute.pool;

import io.capsim.catalog.VmSize;
import io.capsim.cost.NodeMeter;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Sampler;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * The VMs of one size behind a compute, and everything that happens to them whatever runs on them:
 * each is requested under the shared quota and billed from the request, provisions, then is idle or
 * busy; idle for its timeout with no work waiting, it is released (taking the scale-down time,
 * during which nothing can use it) down to the floor; a low-priority node may be preempted. The
 * meter follows every node.
 *
 * <p>The owner decides what runs: it {@link #take}s an idle node when it starts work and {@link
 * #giveBack}s it when the work ends or moves, and it asks for nodes with {@link #requestUpTo}. An
 * owner that runs several things on a node at once (slots) takes the node when the first starts and
 * gives it back when the last ends. A node is a number, valid from {@link #take} until the owner
 * gives it back or is told it was preempted; the pool reuses the number for a later node.
 *
 * @param <W> what the owner runs on a node
 */
public final class NodePool<W> {
  /** The decisions that belong to the compute using the pool. */
  public interface Owner<W> {
    /** Whether work is waiting for nodes: an idle node whose timeout passes then stays for it. */
    boolean workWaiting();

    /** Starts what can start, now that a node became ready or one was lost. */
    void dispatch();

    /**
     * Node {@code lost}, busy with {@code work}, was preempted and is gone: stop the work and give
     * back the other nodes it held.
     */
    void preempted(W work, int lost, long nowMicros);

    /** The work on a node that {@link #scheduleWorkDone} was told about has ended. */
    void workDone(W work);
  }

  private final Simulation simulation;
  private final VmSize size;
  private final Tier tier;
  private final Quotas quotas;
  private final Quotas.Account quota;
  private final NodeMeter meter;
  private final int floorNodes;
  private final int maxNodes;
  private final long idleTimeoutMicros;
  private final long scaleDownMicros;
  private final Sampler provisioningSeconds;
  private final Optional<Sampler> preemptionSeconds;
  private final NodeTable<W> nodes = new NodeTable<>();
  private final Owner<W> owner;
  private final PoolEvent events = new PoolEvent(this);
  private final IntConsumer releaseAboveFloor = this::releaseAboveFloor;
  private int releasing;

  /**
   * Whether the pool's one idle timer is on the calendar, due at or before the next deadline: a
   * node taken before its deadline leaves the timer early, and the timer, finding nothing due,
   * re-arms for the next.
   */
  private boolean idleTimerPending;

  /**
   * @param floorNodes nodes kept whatever the load ({@code min_instances})
   * @param maxNodes nodes that may exist at once, in any state ({@code max_instances})
   * @param preemptionSeconds time from a node's being ready to its preemption; empty when never
   */
  public NodePool(
      Simulation simulation,
      VmSize size,
      Tier tier,
      Quotas quotas,
      NodeMeter meter,
      int floorNodes,
      int maxNodes,
      long idleTimeoutMicros,
      long scaleDownMicros,
      Sampler provisioningSeconds,
      Optional<Sampler> preemptionSeconds,
      Owner<W> owner) {
    if (maxNodes >= PoolEvent.MAX_NODES) {
      throw new IllegalArgumentException(
          "a pool holds at most " + (PoolEvent.MAX_NODES - 1) + " nodes, was " + maxNodes);
    }
    this.simulation = simulation;
    this.size = size;
    this.tier = tier;
    this.quotas = quotas;
    this.quota = quotas.account(size.series(), tier);
    this.meter = meter;
    this.floorNodes = floorNodes;
    this.maxNodes = maxNodes;
    this.idleTimeoutMicros = idleTimeoutMicros;
    this.scaleDownMicros = scaleDownMicros;
    this.provisioningSeconds = provisioningSeconds;
    this.preemptionSeconds = preemptionSeconds;
    this.owner = owner;
  }

  /**
   * Creates the floor's nodes, ready now.
   *
   * @return false, having created none, when the quota cannot hold them all
   */
  public boolean createFloor() {
    for (int i = 0; i < floorNodes; i++) {
      if (!quota.tryAcquire(size.vcpus())) {
        return false;
      }
      int node = nodes.add(simulation.nowMicros());
      meter.change(simulation.nowMicros(), 1, 0, 0);
      onReady(node);
    }
    return true;
  }

  /** Why {@code nodeCount} nodes can never exist at once under the quota; empty if they can. */
  public Optional<String> whyQuotaCannotHold(int nodeCount) {
    return quotas.whyCannotFit(size, tier, nodeCount);
  }

  public int idleCount() {
    return nodes.idleCount();
  }

  public int provisioningCount() {
    return meter.provisioningNodes();
  }

  /** Requests up to {@code wanted} more nodes, as far as the maximum and the quota allow. */
  public void requestUpTo(long wanted) {
    long more = wanted;
    while (more > 0 && nodes.aliveCount() < maxNodes && quota.tryAcquire(size.vcpus())) {
      requestNode();
      more--;
    }
  }

  /** The most recently idle node, now busy with {@code work}. */
  public int take(W work) {
    int node = nodes.popIdle();
    nodes.work(node, work);
    meter.change(simulation.nowMicros(), 0, 1, -1);
    return node;
  }

  /** Tells {@code visitor} of every busy node and its work. */
  public void forEachBusy(java.util.function.ObjIntConsumer<W> visitor) {
    nodes.forEachBusy(visitor);
  }

  /** What busy {@code node} is busy with. */
  public W work(int node) {
    return Objects.requireNonNull(nodes.work(node), "only a busy node has work");
  }

  /**
   * Tells the owner, in {@code delayMicros}, that the work on busy {@code node} has ended; returns
   * the event's handle, to cancel it. Allocates nothing.
   */
  public long scheduleWorkDone(int node, long delayMicros) {
    return simulation.schedule(
        delayMicros, events, PoolEvent.number(PoolEvent.Kind.WORK_DONE, node));
  }

  /** A busy node whose work ended or moved, idle again. */
  public void giveBack(int node) {
    meter.change(simulation.nowMicros(), 0, -1, 1);
    becomeIdle(node);
  }

  /** Releases the idle nodes whose timeout passed while work waited; call once none waits. */
  public void releaseTimedOut() {
    if (nodes.timedOutIdleCount() > 0) {
      nodes.releaseTimedOut(releaseAboveFloor);
    }
  }

  public long[] createdMicrosOfAlive() {
    return nodes.createdMicrosOfAlive();
  }

  /** A new node, provisioning; its quota is already held. */
  private void requestNode() {
    int node = nodes.add(simulation.nowMicros());
    meter.change(simulation.nowMicros(), 1, 0, 0);
    simulation.schedule(
        SimTime.secondsToMicros(provisioningSeconds.sample()),
        events,
        PoolEvent.number(PoolEvent.Kind.READY, node));
  }

  void onReady(int node) {
    meter.change(simulation.nowMicros(), -1, 0, 1);
    preemptionSeconds.ifPresent(
        s ->
            nodes.preemptionHandle(
                node,
                simulation.schedule(
                    SimTime.secondsToMicros(s.sample()),
                    events,
                    PoolEvent.number(PoolEvent.Kind.PREEMPTED, node))));
    becomeIdle(node);
    owner.dispatch();
  }

  private void becomeIdle(int node) {
    nodes.pushIdle(node, simulation.nowMicros() + idleTimeoutMicros);
    armIdleTimer();
  }

  /** The work on busy {@code node} has ended. */
  void onWorkDone(int node) {
    owner.workDone(work(node));
  }

  private void armIdleTimer() {
    int next = nodes.nextToExpire();
    if (!idleTimerPending && next != NodeTable.NONE) {
      idleTimerPending = true;
      simulation.scheduleAt(
          nodes.idleDeadlineMicros(next), events, PoolEvent.number(PoolEvent.Kind.IDLE_TIMER, 0));
    }
  }

  /** Handles every idle node whose deadline is due, oldest first, then re-arms. */
  void onIdleTimer() {
    idleTimerPending = false;
    long now = simulation.nowMicros();
    int node = nodes.nextToExpire();
    while (node != NodeTable.NONE && nodes.idleDeadlineMicros(node) <= now) {
      nodes.expireNext();
      if (owner.workWaiting()) {
        // Work waits for more nodes than are idle; this one will serve it.
        nodes.markTimedOut(node);
      } else {
        releaseAboveFloor(node);
      }
      node = nodes.nextToExpire();
    }
    armIdleTimer();
  }

  /** Nodes that stay: alive and not being released. Never fewer than the floor. */
  private int keptNodes() {
    return nodes.aliveCount() - releasing;
  }

  private void releaseAboveFloor(int node) {
    if (keptNodes() > floorNodes) {
      nodes.removeIdle(node);
      simulation.cancel(nodes.preemptionHandle(node));
      releasing++;
      simulation.schedule(scaleDownMicros, events, PoolEvent.number(PoolEvent.Kind.RELEASED, node));
    }
  }

  /** Giving the quota back tells every compute waiting for some, the owner included. */
  void onReleased(int node) {
    meter.change(simulation.nowMicros(), 0, 0, -1);
    releasing--;
    removeNode(node);
    quota.release(size.vcpus());
  }

  private void removeNode(int node) {
    meter.nodeEnded(simulation.nowMicros(), nodes.createdMicros(node));
    nodes.remove(node);
  }

  void onPreempted(int node) {
    long now = simulation.nowMicros();
    W work = nodes.work(node);
    if (work == null) {
      // Idle: a provisioning node's preemption is not yet scheduled, a releasing one's cancelled.
      nodes.removeIdle(node);
      meter.change(now, 0, 0, -1);
    } else {
      meter.change(now, 0, -1, 0);
      owner.preempted(work, node, now);
    }
    // Removing the node clears its work.
    losePreempted(node);
    owner.dispatch();
  }

  /**
   * Loses a preempted node. One the floor needs is replaced at once by a fresh request that keeps
   * its quota, so no other compute can take the vCPUs in between and the pool never has fewer than
   * its floor; any other node gives its quota back, which tells the owner to ask for more.
   */
  private void losePreempted(int node) {
    removeNode(node);
    if (keptNodes() < floorNodes) {
      requestNode();
    } else {
      quota.release(size.vcpus());
    }
  }
}
