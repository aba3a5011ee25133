package io.capsim.compute;

import io.capsim.catalog.Catalog;
import io.capsim.catalog.CatalogException;
import io.capsim.catalog.VmPrice;
import io.capsim.catalog.VmSize;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Sampler;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;

/**
 * An Azure ML compute cluster. Scale-up is job-driven: while jobs wait, nodes are requested up to
 * {@code max_instances} (and the quota); each is billed from the request but works only once
 * provisioned. One job per node; a job needing N nodes starts when N are idle at once, in FIFO
 * order. A node idle for {@code idle_time_before_scale_down}, with no job waiting, is released down
 * to {@code min_instances}; while it is being released no job can use it. The {@code min_instances}
 * nodes exist, ready, from the start of the run.
 *
 * <p>Low-priority nodes cost the Spot price and are preempted: the node is gone, its job is
 * resubmitted at the head of the queue (or failed), resuming from its last checkpoint if it takes
 * them; the work since then is billed as lost work.
 */
public final class ComputeCluster extends AccountedCompute {
  private final Simulation simulation;
  private final ClusterSpec spec;
  private final VmSize size;
  private final Quotas quotas;
  private final double pricePerHourUsd;
  private final long idleTimeoutMicros;
  private final Sampler provisioningSeconds;
  private final Optional<Sampler> preemptionSeconds;
  private final Accounting books;
  private final NodeList nodes = new NodeList();
  private final ArrayDeque<Job> queue = new ArrayDeque<>();
  private long queuedNodeDemand;
  private long running;
  private int releasing;

  public ComputeCluster(
      Simulation simulation, ClusterSpec spec, Catalog catalog, String region, Quotas quotas) {
    this.simulation = simulation;
    this.spec = spec;
    this.size = catalog.size(spec.size());
    this.quotas = quotas;
    this.pricePerHourUsd = price(catalog.price(spec.size(), region), spec, region);
    this.idleTimeoutMicros = spec.idleTimeBeforeScaleDownSeconds() * SimTime.MICROS_PER_SECOND;
    String streams = "compute." + spec.name();
    this.provisioningSeconds =
        spec.provisioningSeconds().sampler(simulation.stream(streams + ".provisioning"));
    this.preemptionSeconds =
        spec.preemption()
            .secondsToPreemption()
            .map(d -> d.sampler(simulation.stream(streams + ".preemption")));
    this.books =
        new Accounting(
            simulation,
            spec.name(),
            spec.minInstances(),
            spec.maxInstances(),
            pricePerHourUsd,
            spec.loadBalancerUsdPerDay(),
            () -> queue.size() + (int) running);
    quotas.onRelease(this::scaleUp);
    for (int i = 0; i < spec.minInstances(); i++) {
      if (!quotas.tryAcquire(size.series(), spec.tier(), size.vcpus())) {
        throw new IllegalArgumentException(
            spec.name()
                + ": min_instances "
                + spec.minInstances()
                + " needs "
                + spec.minInstances() * size.vcpus()
                + " vCPUs, more than the quota allows");
      }
      Node node = newNode();
      books.meter.change(simulation.nowMicros(), 1, 0, 0);
      onReady(node);
    }
  }

  private static double price(VmPrice price, ClusterSpec spec, String region) {
    if (spec.tier() == Tier.DEDICATED) {
      return price.payAsYouGoUsdPerHour();
    }
    return price
        .spotUsdPerHour()
        .orElseThrow(
            () ->
                new CatalogException(
                    spec.size() + " has no Spot (low-priority) price in " + region));
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public VmSize size() {
    return size;
  }

  public double pricePerHourUsd() {
    return pricePerHourUsd;
  }

  @Override
  public Optional<String> whyCannotFit(int instanceCount) {
    if (instanceCount > spec.maxInstances()) {
      return Optional.of(
          String.format(
              "needs %d nodes but max_instances is %d", instanceCount, spec.maxInstances()));
    }
    return quotas.whyCannotFit(size, spec.tier(), instanceCount);
  }

  @Override
  public void submit(Job job) {
    if (!books.admit(job, simulation.nowMicros(), whyCannotFit(job.instanceCount()))) {
      return;
    }
    enqueue(job, false);
    dispatch();
    scaleUp();
  }

  private void enqueue(Job job, boolean atHead) {
    if (atHead) {
      queue.addFirst(job);
    } else {
      queue.addLast(job);
    }
    queuedNodeDemand += job.instanceCount();
  }

  /**
   * Starts queued jobs, in order, while the head job finds enough idle nodes; once none waits,
   * releases the idle nodes whose timeout passed meanwhile.
   */
  private void dispatch() {
    while (!queue.isEmpty() && nodes.idleCount() >= queue.peekFirst().instanceCount()) {
      Job job = queue.pollFirst();
      queuedNodeDemand -= job.instanceCount();
      start(job);
    }
    if (queue.isEmpty() && nodes.timedOutIdleCount() > 0) {
      nodes.takeTimedOut().forEach(this::releaseAboveFloor);
    }
  }

  private void start(Job job) {
    long now = simulation.nowMicros();
    int count = job.instanceCount();
    job.nodes = new Node[count];
    for (int i = 0; i < count; i++) {
      Node node = nodes.popIdle();
      simulation.cancel(node.idleTimerHandle);
      node.state = Node.State.BUSY;
      node.job = job;
      job.nodes[i] = node;
    }
    books.meter.change(now, 0, count, -count);
    running++;
    if (!job.started) {
      books.jobs.recordStarted(job, now);
    }
    job.segmentStartMicros = now;
    job.completionHandle =
        simulation.schedule(job.remainingWorkMicros(), scheduler -> onCompleted(job));
  }

  private void onCompleted(Job job) {
    long now = simulation.nowMicros();
    running--;
    books.jobs.recordCompleted(job, now);
    books.meter.change(now, 0, -job.instanceCount(), job.instanceCount());
    for (Node node : job.nodes) {
      becomeIdle(node);
    }
    dispatch();
  }

  /** Requests nodes for the jobs waiting, up to max_instances and the quota. */
  private void scaleUp() {
    long wanted = queuedNodeDemand - nodes.idleCount() - books.meter.provisioningNodes();
    while (wanted > 0
        && nodes.aliveCount() < spec.maxInstances()
        && quotas.tryAcquire(size.series(), spec.tier(), size.vcpus())) {
      requestNode();
      wanted--;
    }
  }

  /** A new node, provisioning; its quota is already held. */
  private void requestNode() {
    Node node = newNode();
    books.meter.change(simulation.nowMicros(), 1, 0, 0);
    simulation.schedule(SimTime.secondsToMicros(provisioningSeconds.sample()), node.onReady);
  }

  private Node newNode() {
    Node node = new Node(simulation.nowMicros());
    node.onReady = scheduler -> onReady(node);
    node.onIdleTimeout = scheduler -> onIdleTimeout(node);
    node.onPreempted = scheduler -> onPreempted(node);
    node.onReleased = scheduler -> onReleased(node);
    nodes.add(node);
    return node;
  }

  private void onReady(Node node) {
    books.meter.change(simulation.nowMicros(), -1, 0, 1);
    preemptionSeconds.ifPresent(
        s ->
            node.preemptionHandle =
                simulation.schedule(SimTime.secondsToMicros(s.sample()), node.onPreempted));
    becomeIdle(node);
    dispatch();
  }

  private void becomeIdle(Node node) {
    node.state = Node.State.IDLE;
    node.job = null;
    nodes.pushIdle(node);
    node.idleTimerHandle = simulation.schedule(idleTimeoutMicros, node.onIdleTimeout);
  }

  private void onIdleTimeout(Node node) {
    if (!queue.isEmpty()) {
      // A job waits for more nodes than are idle; this one will serve it.
      nodes.markTimedOut(node);
    } else {
      releaseAboveFloor(node);
    }
  }

  /** Nodes that stay: alive and not being released. Never fewer than min_instances. */
  private int keptNodes() {
    return nodes.aliveCount() - releasing;
  }

  private void releaseAboveFloor(Node node) {
    if (keptNodes() > spec.minInstances()) {
      nodes.removeIdle(node);
      simulation.cancel(node.preemptionHandle);
      node.state = Node.State.RELEASING;
      releasing++;
      simulation.schedule(spec.scaleDownMicros(), node.onReleased);
    }
  }

  /** Giving the quota back tells every compute waiting for some, this one included (scaleUp). */
  private void onReleased(Node node) {
    books.meter.change(simulation.nowMicros(), 0, 0, -1);
    releasing--;
    removeNode(node);
    quotas.release(size.series(), spec.tier(), size.vcpus());
  }

  private void removeNode(Node node) {
    books.meter.nodeEnded(simulation.nowMicros(), node.createdMicros);
    nodes.remove(node);
  }

  /**
   * Loses a preempted node. One the floor needs is replaced at once by a fresh request that keeps
   * its quota, so no other compute can take the vCPUs in between and the cluster never has fewer
   * than min_instances nodes; any other node gives its quota back, which runs scaleUp for the
   * resubmitted job.
   */
  private void losePreempted(Node node) {
    removeNode(node);
    if (keptNodes() < spec.minInstances()) {
      requestNode();
    } else {
      quotas.release(size.series(), spec.tier(), size.vcpus());
    }
  }

  private void onPreempted(Node node) {
    long now = simulation.nowMicros();
    if (node.state == Node.State.IDLE) {
      nodes.removeIdle(node);
      simulation.cancel(node.idleTimerHandle);
      books.meter.change(now, 0, 0, -1);
    } else {
      Job job = Objects.requireNonNull(node.job, "a busy node runs a job");
      int count = job.instanceCount();
      interrupt(job, now);
      books.meter.change(now, 0, -count, count - 1);
      for (Node other : job.nodes) {
        if (other != node) {
          becomeIdle(other);
        }
      }
    }
    losePreempted(node);
    dispatch();
  }

  /** Stops a job whose node was preempted: its work since the last checkpoint is lost. */
  private void interrupt(Job job, long now) {
    simulation.cancel(job.completionHandle);
    running--;
    books.jobs.recordPreemption();
    long ran = now - job.segmentStartMicros;
    long kept = job.keptProgressMicros(ran);
    job.checkpointedWorkMicros += kept;
    books.meter.recordLostWork(now, ran - kept, job.instanceCount());
    if (job.onPreemption() == OnPreemption.FAIL) {
      books.jobs.recordFailed(job, "preempted (on_preemption: fail)", now);
    } else {
      enqueue(job, true);
    }
  }

  @Override
  Accounting books() {
    return books;
  }

  @Override
  public int queuedJobsNow() {
    return queue.size();
  }

  @Override
  public ComputeStats stats(long nowMicros) {
    return books.stats(nowMicros);
  }

  @Override
  public void verifyInvariants(long nowMicros) {
    books.verify(nowMicros, queue.size() + running, nodes.createdMicrosOfAlive());
  }
}
