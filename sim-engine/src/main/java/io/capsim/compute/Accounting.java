package io.capsim.compute;

import io.capsim.cost.NodeMeter;
import io.capsim.engine.Simulation;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The books every compute keeps, reset at warm-up: its node meter, its job statistics and the
 * waterfall that prices them, with the admission and invariant checks they share.
 */
public final class Accounting {
  private final NodeMeter meter;
  private final JobStats jobs;
  private final Waterfall waterfall;
  private final String compute;

  /**
   * @param jobsInSystem how many jobs are queued or running, counted at warm-up to carry them over
   */
  public Accounting(
      Simulation simulation,
      String compute,
      int floorNodes,
      int maxNodes,
      double pricePerHourUsd,
      double loadBalancerUsdPerDay,
      IntSupplier jobsInSystem) {
    this.compute = compute;
    this.meter = simulation.resetAtWarmup(new NodeMeter(floorNodes, maxNodes));
    this.jobs = simulation.resetAtWarmup(new JobStats());
    simulation.resetAtWarmup(now -> jobs.carryOver(jobsInSystem.getAsInt()));
    this.waterfall = new Waterfall(compute, pricePerHourUsd, loadBalancerUsdPerDay);
  }

  /** Nodes provisioning, busy and idle over time, priced into the waterfall. */
  public NodeMeter meter() {
    return meter;
  }

  /** The jobs' counts, waits and turnarounds. */
  public JobStats jobs() {
    return jobs;
  }

  public void started(Job job, long nowMicros) {
    jobs.recordStarted(job, nowMicros);
  }

  /** Records that {@code job} completed; the compute must not use it afterwards. */
  public void completed(Job job, long nowMicros) {
    jobs.recordCompleted(job, nowMicros);
    job.ended();
  }

  /** Records that {@code job} failed; the compute must not use it afterwards. */
  public void failed(Job job, String reason, long nowMicros) {
    jobs.recordFailed(job, reason, nowMicros);
    job.ended();
  }

  public void preempted() {
    jobs.recordPreemption();
  }

  /**
   * Records {@code job}'s submission at {@code nowMicros}; fails it and returns false when {@code
   * unfit} says it can never run.
   */
  public boolean admit(Job job, long nowMicros, Optional<String> unfit) {
    jobs.recordSubmitted();
    job.submittedAt(nowMicros);
    if (unfit.isPresent()) {
      failed(job, unfit.get(), nowMicros);
      return false;
    }
    return true;
  }

  /** The statistics at {@code nowMicros}, with the jobs the compute counts queued and running. */
  public ComputeStats stats(long nowMicros, int queuedJobs, int runningJobs) {
    return stats(nowMicros, 0, 0, queuedJobs, runningJobs);
  }

  public ComputeStats stats(
      long nowMicros,
      double stoppedUsd,
      double fixedLoadBalancerUsd,
      int queuedJobs,
      int runningJobs) {
    return waterfall.stats(
        meter, jobs, nowMicros, stoppedUsd, fixedLoadBalancerUsd, queuedJobs, runningJobs);
  }

  /**
   * Checks jobs, node time and bounds, and the cost against the node lifetimes priced along their
   * own path; see {@link Compute#verifyInvariants}. The charges are those {@link #stats(long,
   * double, double, int, int)} was given; the jobs, those the compute holds now.
   */
  public void verify(
      long nowMicros,
      int queuedJobs,
      int runningJobs,
      long[] aliveCreatedMicros,
      double stoppedUsd,
      double fixedLoadBalancerUsd) {
    jobs.verify(queuedJobs + (long) runningJobs, compute);
    long lifetimeNodeMicros = meter.verify(nowMicros, aliveCreatedMicros, compute);
    waterfall.verify(
        stats(nowMicros, stoppedUsd, fixedLoadBalancerUsd, queuedJobs, runningJobs),
        lifetimeNodeMicros,
        meter.loadBalancerMicros(nowMicros),
        stoppedUsd + fixedLoadBalancerUsd);
  }

  public void verify(long nowMicros, int queuedJobs, int runningJobs, long[] aliveCreatedMicros) {
    verify(nowMicros, queuedJobs, runningJobs, aliveCreatedMicros, 0, 0);
  }
}
