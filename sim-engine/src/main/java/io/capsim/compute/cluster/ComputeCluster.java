package io.capsim.compute.cluster;

import io.capsim.catalog.VmSize;
import io.capsim.compute.AccountedCompute;
import io.capsim.compute.Accounting;
import io.capsim.compute.InvalidSettingException;
import io.capsim.compute.Job;
import io.capsim.compute.JobObserver;
import io.capsim.compute.OnPreemption;
import io.capsim.compute.Pricing;
import io.capsim.compute.pool.NodePool;
import io.capsim.compute.pool.Quotas;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import java.util.ArrayDeque;
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
  private final double pricePerHourUsd;
  private final Accounting books;
  private final NodePool<Job> pool;
  private final ArrayDeque<Job> queue = new ArrayDeque<>();
  private long queuedNodeDemand;
  private long running;

  public ComputeCluster(Simulation simulation, ClusterSpec spec, Pricing pricing, Quotas quotas) {
    this.simulation = simulation;
    this.spec = spec;
    this.size = pricing.size(spec.size());
    this.pricePerHourUsd = pricing.nodePerHourUsd(spec.size(), spec.tier());
    String streams = "compute." + spec.name();
    this.books =
        new Accounting(
            simulation,
            spec.name(),
            spec.minInstances(),
            spec.maxInstances(),
            pricePerHourUsd,
            spec.loadBalancerUsdPerDay(),
            () -> queuedJobsNow() + runningJobsNow());
    this.pool =
        new NodePool<>(
            simulation,
            size,
            spec.tier(),
            quotas,
            books.meter(),
            spec.minInstances(),
            spec.maxInstances(),
            spec.idleTimeBeforeScaleDownSeconds() * SimTime.MICROS_PER_SECOND,
            spec.scaleDownMicros(),
            spec.provisioningSeconds().sampler(simulation.stream(streams + ".provisioning")),
            spec.preemption()
                .secondsToPreemption()
                .map(d -> d.sampler(simulation.stream(streams + ".preemption"))),
            new PoolOwner());
    quotas.onRelease(this::scaleUp);
    if (!pool.createFloor()) {
      throw InvalidSettingException.computeSentence(
          spec.name(),
          "min_instances",
          spec.minInstances()
              + " nodes need "
              + spec.minInstances() * size.vcpus()
              + " vCPUs, more than the quota allows");
    }
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
    return pool.whyQuotaCannotHold(instanceCount);
  }

  @Override
  public void submit(Job job) {
    if (!admit(job, simulation.nowMicros())) {
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
    // The idle count first: with every node busy, the head job (long queued, out of cache) is not
    // read at all.
    while (pool.idleCount() > 0
        && !queue.isEmpty()
        && pool.idleCount() >= queue.peekFirst().instanceCount()) {
      Job job = queue.pollFirst();
      queuedNodeDemand -= job.instanceCount();
      start(job);
    }
    if (queue.isEmpty()) {
      pool.releaseTimedOut();
    }
  }

  private void start(Job job) {
    long now = simulation.nowMicros();
    for (int i = 0; i < job.instanceCount(); i++) {
      job.holdNode(i, pool.take(job));
    }
    running++;
    if (!job.started()) {
      books.started(job, now);
    }
    job.startSegment(now);
    job.completionHandle(pool.scheduleWorkDone(heldNode(job, 0), job.remainingWorkMicros()));
  }

  private void onCompleted(Job job) {
    long now = simulation.nowMicros();
    running--;
    for (int i = 0; i < job.instanceCount(); i++) {
      pool.giveBack(heldNode(job, i));
    }
    books.completed(job, now);
    dispatch();
  }

  private static int heldNode(Job job, int index) {
    int node = job.heldNode(index);
    if (node == Job.NO_NODE) {
      throw new IllegalStateException("a running job holds all its nodes");
    }
    return node;
  }

  /** Requests nodes for the jobs waiting, up to max_instances and the quota. */
  private void scaleUp() {
    pool.requestUpTo(queuedNodeDemand - pool.idleCount() - pool.provisioningCount());
  }

  /**
   * Stops a job whose node was preempted: its work since the last checkpoint is lost, and its other
   * nodes are idle again.
   */
  private void interrupt(Job job, int lost, long now) {
    simulation.cancel(job.completionHandle());
    running--;
    books.preempted();
    books.meter().recordLostWork(now, job.interruptSegment(now), job.instanceCount());
    for (int i = 0; i < job.instanceCount(); i++) {
      int other = heldNode(job, i);
      if (other != lost) {
        pool.giveBack(other);
      }
    }
    if (job.onPreemption() == OnPreemption.FAIL) {
      books.failed(job, "preempted (on_preemption: fail)", now);
    } else {
      enqueue(job, true);
    }
  }

  /** What the pool asks the cluster: whether jobs wait, to dispatch, to stop a preempted job. */
  private final class PoolOwner implements NodePool.Owner<Job> {
    @Override
    public boolean workWaiting() {
      return !queue.isEmpty();
    }

    @Override
    public void dispatch() {
      ComputeCluster.this.dispatch();
    }

    @Override
    public void preempted(Job job, int lost, long nowMicros) {
      interrupt(job, lost, nowMicros);
    }

    @Override
    public void workDone(Job job) {
      onCompleted(job);
    }
  }

  @Override
  protected Accounting books() {
    return books;
  }

  @Override
  public int queuedJobsNow() {
    return queue.size();
  }

  @Override
  public int runningJobsNow() {
    return (int) running;
  }

  /** A job on several nodes is told of once, at the first of them. */
  @Override
  public void forEachUnfinishedJob(JobObserver visitor, long nowMicros) {
    queue.forEach(job -> visitor.onJobDone(job, nowMicros, QUEUED_AT_END));
    pool.forEachBusy(
        (job, node) -> {
          if (job.heldNode(0) == node) {
            visitor.onJobDone(job, nowMicros, RUNNING_AT_END);
          }
        });
  }

  @Override
  public void verifyInvariants(long nowMicros) {
    books.verify(nowMicros, queuedJobsNow(), runningJobsNow(), pool.createdMicrosOfAlive());
  }
}
