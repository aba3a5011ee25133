package io.capsim.compute.serverless;

import io.capsim.catalog.VmSize;
import io.capsim.compute.AccountedCompute;
import io.capsim.compute.Accounting;
import io.capsim.compute.Job;
import io.capsim.compute.JobObserver;
import io.capsim.compute.Pricing;
import io.capsim.compute.pool.Quotas;
import io.capsim.compute.pool.Tier;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Sampler;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Serverless compute: each job's {@code instance_count} nodes are provisioned for it when quota
 * allows, billed as provisioning during start-up and as productive while the job runs, and gone
 * when it ends. The wait runs from submission to the job starting, start-up included.
 */
public final class ServerlessCompute extends AccountedCompute {
  private final Simulation simulation;
  private final ServerlessSpec spec;
  private final VmSize size;
  private final Quotas quotas;
  private final Quotas.Account quota;
  private final Sampler startupSeconds;
  private final Accounting books;
  private final ArrayDeque<Job> queue = new ArrayDeque<>();
  private final Set<Job> holdingNodes = new LinkedHashSet<>();

  public ServerlessCompute(
      Simulation simulation, ServerlessSpec spec, Pricing pricing, Quotas quotas) {
    this.simulation = simulation;
    this.spec = spec;
    this.size = pricing.size(spec.instanceType());
    this.quotas = quotas;
    this.quota = quotas.account(size.series(), Tier.DEDICATED);
    this.startupSeconds =
        spec.startupSeconds().sampler(simulation.stream("compute." + spec.name() + ".startup"));
    double price = pricing.nodePerHourUsd(spec.instanceType(), Tier.DEDICATED);
    this.books =
        new Accounting(
            simulation,
            spec.name(),
            0,
            Integer.MAX_VALUE,
            price,
            0,
            () -> queuedJobsNow() + runningJobsNow());
    quotas.onRelease(this::startWhatFits);
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public VmSize size() {
    return size;
  }

  @Override
  public Optional<String> whyCannotFit(int instanceCount) {
    return quotas.whyCannotFit(size, Tier.DEDICATED, instanceCount);
  }

  @Override
  public void submit(Job job) {
    if (!admit(job, simulation.nowMicros())) {
      return;
    }
    queue.addLast(job);
    startWhatFits();
  }

  /** Provisions nodes for queued jobs, in order, while the quota has room for the next. */
  private void startWhatFits() {
    while (!queue.isEmpty() && quota.tryAcquire(vcpus(queue.peekFirst()))) {
      Job job = queue.pollFirst();
      long now = simulation.nowMicros();
      job.nodesCreatedMicros(now);
      holdingNodes.add(job);
      books.meter().change(now, job.instanceCount(), 0, 0);
      simulation.schedule(
          SimTime.secondsToMicros(startupSeconds.sample()), scheduler -> onStarted(job));
    }
  }

  private void onStarted(Job job) {
    long now = simulation.nowMicros();
    books.meter().change(now, -job.instanceCount(), job.instanceCount(), 0);
    books.started(job, now);
    simulation.schedule(job.workMicros(), scheduler -> onCompleted(job));
  }

  private void onCompleted(Job job) {
    long now = simulation.nowMicros();
    books.meter().change(now, 0, -job.instanceCount(), 0);
    for (int i = 0; i < job.instanceCount(); i++) {
      books.meter().nodeEnded(now, job.nodesCreatedMicros());
    }
    holdingNodes.remove(job);
    int vcpus = vcpus(job);
    books.completed(job, now);
    quota.release(vcpus);
  }

  private int vcpus(Job job) {
    return job.instanceCount() * size.vcpus();
  }

  @Override
  protected Accounting books() {
    return books;
  }

  @Override
  public int queuedJobsNow() {
    return queue.size();
  }

  /** Jobs whose nodes are provisioning count as running: they hold their nodes and quota. */
  @Override
  public int runningJobsNow() {
    return holdingNodes.size();
  }

  @Override
  public void forEachUnfinishedJob(JobObserver visitor, long nowMicros) {
    tellUnfinished(queue, holdingNodes, visitor, nowMicros);
  }

  @Override
  public void verifyInvariants(long nowMicros) {
    long[] created =
        holdingNodes.stream()
            .flatMapToLong(
                job ->
                    java.util.stream.LongStream.generate(job::nodesCreatedMicros)
                        .limit(job.instanceCount()))
            .toArray();
    books.verify(nowMicros, queuedJobsNow(), runningJobsNow(), created);
  }
}
