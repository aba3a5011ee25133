package io.capsim.compute.pool;

import io.capsim.catalog.VmSize;
import io.capsim.cost.NodeMeter;
import io.capsim.engine.Event;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Sampler;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

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
 * gives it back when the last ends.
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
     * {@code lost}, busy with {@code work}, was preempted and is gone: stop the work and give back
     * the other nodes it held.
     */
    void preempted(W work, Node<W> lost, long nowMicros);

    /** The work on {@code node} that {@link #scheduleWorkDone} was told about has ended. */
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
  private final NodeList<W> nodes = new NodeList<>();
  private final Owner<W> owner;
  private int releasing;

  /**
   * One idle timer for the whole pool, due at or before the next deadline: a node taken before its
   * deadline leaves the timer early, and the timer, finding nothing due, re-arms for the next.
   */
  private final Event idleTimer = new PoolEvent<>(this, null, PoolEvent.Kind.IDLE_TIMER);

  private boolean idleTimerPending;
  private final Consumer<Node<W>> releaseAboveFloor = this::releaseAboveFloor;

  /** Node objects whose node is gone, to reuse, so that scaling allocates nothing. */
  private final ArrayList<Node<W>> spareNodes = new ArrayList<>();

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
      Node<W> node = newNode();
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
  public Node<W> take(W work) {
    Node<W> node = nodes.popIdle();
    node.work = work;
    meter.change(simulation.nowMicros(), 0, 1, -1);
    return node;
  }

  /**
   * Tells the owner, in {@code delayMicros}, that the work on busy {@code node} has ended; returns
   * the event's handle, to cancel it. Allocates nothing.
   */
  public long scheduleWorkDone(Node<W> node, long delayMicros) {
    return simulation.schedule(delayMicros, node.onWorkDone);
  }

  /** A busy node whose work ended or moved, idle again. */
  public void giveBack(Node<W> node) {
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
    Node<W> node = newNode();
    meter.change(simulation.nowMicros(), 1, 0, 0);
    simulation.schedule(SimTime.secondsToMicros(provisioningSeconds.sample()), node.onReady);
  }

  private Node<W> newNode() {
    Node<W> node;
    if (spareNodes.isEmpty()) {
      node = new Node<>(this, simulation.nowMicros());
    } else {
      node = spareNodes.remove(spareNodes.size() - 1);
      node.renew(simulation.nowMicros());
    }
    nodes.add(node);
    return node;
  }

  void onReady(Node<W> node) {
    meter.change(simulation.nowMicros(), -1, 0, 1);
    preemptionSeconds.ifPresent(
        s ->
            node.preemptionHandle =
                simulation.schedule(SimTime.secondsToMicros(s.sample()), node.onPreempted));
    becomeIdle(node);
    owner.dispatch();
  }

  private void becomeIdle(Node<W> node) {
    node.work = null;
    node.idleDeadlineMicros = simulation.nowMicros() + idleTimeoutMicros;
    nodes.pushIdle(node);
    armIdleTimer();
  }

  /** The work on busy {@code node} has ended. */
  void onWorkDone(Node<W> node) {
    owner.workDone(Objects.requireNonNull(node.work, "a node whose work ends is busy"));
  }

  private void armIdleTimer() {
    Node<W> next = nodes.nextToExpire();
    if (!idleTimerPending && next != null) {
      idleTimerPending = true;
      simulation.scheduleAt(next.idleDeadlineMicros, idleTimer);
    }
  }

  /** Handles every idle node whose deadline is due, oldest first, then re-arms. */
  void onIdleTimer() {
    idleTimerPending = false;
    long now = simulation.nowMicros();
    Node<W> node = nodes.nextToExpire();
    while (node != null && node.idleDeadlineMicros <= now) {
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

  private void releaseAboveFloor(Node<W> node) {
    if (keptNodes() > floorNodes) {
      nodes.removeIdle(node);
      simulation.cancel(node.preemptionHandle);
      releasing++;
      simulation.schedule(scaleDownMicros, node.onReleased);
    }
  }

  /** Giving the quota back tells every compute waiting for some, the owner included. */
  void onReleased(Node<W> node) {
    meter.change(simulation.nowMicros(), 0, 0, -1);
    releasing--;
    removeNode(node);
    quota.release(size.vcpus());
  }

  private void removeNode(Node<W> node) {
    meter.nodeEnded(simulation.nowMicros(), node.createdMicros);
    nodes.remove(node);
    node.work = null;
    spareNodes.add(node);
  }

  void onPreempted(Node<W> node) {
    long now = simulation.nowMicros();
    W work = node.work;
    if (work == null) {
      // Idle: a provisioning node's preemption is not yet scheduled, a releasing one's cancelled.
      nodes.removeIdle(node);
      meter.change(now, 0, 0, -1);
    } else {
      node.work = null;
      meter.change(now, 0, -1, 0);
      owner.preempted(work, node, now);
    }
    losePreempted(node);
    owner.dispatch();
  }

  /**
   * Loses a preempted node. One the floor needs is replaced at once by a fresh request that keeps
   * its quota, so no other compute can take the vCPUs in between and the pool never has fewer than
   * its floor; any other node gives its quota back, which tells the owner to ask for more.
   */
  private void losePreempted(Node<W> node) {
    removeNode(node);
    if (keptNodes() < floorNodes) {
      requestNode();
    } else {
      quota.release(size.vcpus());
    }
  }
}
