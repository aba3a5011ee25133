package io.capsim.compute.instance;

import io.capsim.catalog.VmSize;
import io.capsim.compute.AccountedCompute;
import io.capsim.compute.Accounting;
import io.capsim.compute.ComputeStats;
import io.capsim.compute.Job;
import io.capsim.compute.JobObserver;
import io.capsim.compute.Pricing;
import io.capsim.compute.pool.Tier;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Sampler;
import io.capsim.engine.stat.TimeWeighted;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An Azure ML compute instance: one node, running at the start of the run. It runs up to one job
 * per vCPU at once and queues the rest; interactive sessions keep it busy without taking a slot.
 * With nothing to do for {@code idle_time_before_shutdown_minutes} it stops; work arriving at a
 * stopped instance starts it, and waits for the start. Its schedules start and stop it at cron
 * times: a scheduled stop ends what is running, and jobs cut off or queued then fail.
 *
 * <p>Billing: while running (or starting) the VM's pay-as-you-go price plus its OS disk and public
 * IP; while stopped the disk and IP alone (the {@code stopped} bucket); the load balancer always.
 */
public final class ComputeInstance extends AccountedCompute {
  private static final String STOPPED_BY_SCHEDULE = "stopped by schedule";

  private enum State {
    RUNNING,
    STARTING,
    STOPPED
  }

  private final Simulation simulation;
  private final InstanceSpec spec;
  private final VmSize size;
  private final Instant epoch;
  private final Sampler startSeconds;
  private final Accounting books;
  private final TimeWeighted stopped;
  private final TimeWeighted measured;
  private final ArrayDeque<Job> queue = new ArrayDeque<>();
  private final Set<Job> running = new LinkedHashSet<>();
  private State state = State.RUNNING;
  private long createdMicros;
  private long idleTimerHandle;
  private long startHandle;
  private int runningJobs;

  /**
   * @param epoch the instant simulated time 0 stands for, against which schedules are evaluated
   */
  public ComputeInstance(Simulation simulation, InstanceSpec spec, Pricing pricing, Instant epoch) {
    this.simulation = simulation;
    this.spec = spec;
    this.size = pricing.size(spec.size());
    this.epoch = epoch;
    this.startSeconds =
        spec.startSeconds().sampler(simulation.stream("compute." + spec.name() + ".start"));
    double vmPerHour = pricing.nodePerHourUsd(spec.size(), Tier.DEDICATED);
    this.books =
        new Accounting(
            simulation,
            spec.name(),
            0,
            1,
            vmPerHour + spec.storageAndIpUsdPerHour(),
            0,
            () -> queuedJobsNow() + runningJobsNow());
    this.stopped = simulation.resetAtWarmup(new TimeWeighted(simulation.nowMicros(), 0));
    this.measured = simulation.resetAtWarmup(new TimeWeighted(simulation.nowMicros(), 1));
    createdMicros = simulation.nowMicros();
    books.meter().change(createdMicros, 0, 0, 1);
    armIdleTimer();
    for (InstanceSchedule schedule : spec.schedules()) {
      scheduleNext(schedule);
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

  @Override
  public boolean runsInteractiveSessions() {
    return true;
  }

  /** One node, running a job on each vCPU at once. */
  @Override
  public int capacityNodes() {
    return size.vcpus();
  }

  @Override
  public Optional<String> whyCannotFit(int instanceCount) {
    return instanceCount == 1
        ? Optional.empty()
        : Optional.of("needs " + instanceCount + " nodes but a compute instance is one node");
  }

  @Override
  public void submit(Job job) {
    if (!admit(job, simulation.nowMicros())) {
      return;
    }
    queue.addLast(job);
    if (state == State.STOPPED) {
      requestStart();
    } else if (state == State.RUNNING) {
      dispatch();
    }
  }

  /** Starts queued work in order: sessions at once, jobs while a vCPU is free. */
  private void dispatch() {
    while (!queue.isEmpty() && (queue.peekFirst().interactive() || runningJobs < size.vcpus())) {
      start(queue.pollFirst());
    }
  }

  private void start(Job job) {
    long now = simulation.nowMicros();
    if (running.isEmpty()) {
      simulation.cancel(idleTimerHandle);
      books.meter().change(now, 0, 1, -1);
    }
    running.add(job);
    runningJobs += job.interactive() ? 0 : 1;
    books.started(job, now);
    job.completionHandle(simulation.schedule(job.workMicros(), scheduler -> onDone(job)));
  }

  private void onDone(Job job) {
    long now = simulation.nowMicros();
    finish(job);
    books.completed(job, now);
    dispatch();
    if (running.isEmpty()) {
      books.meter().change(now, 0, -1, 1);
      armIdleTimer();
    }
  }

  private void finish(Job job) {
    running.remove(job);
    runningJobs -= job.interactive() ? 0 : 1;
  }

  private void armIdleTimer() {
    spec.idleTimeBeforeShutdownMinutes()
        .ifPresent(
            minutes ->
                idleTimerHandle =
                    simulation.schedule(
                        minutes * SimTime.MICROS_PER_MINUTE, scheduler -> stop(false)));
  }

  private void requestStart() {
    long now = simulation.nowMicros();
    state = State.STARTING;
    createdMicros = now;
    books.meter().change(now, 1, 0, 0);
    stopped.update(now, 0);
    startHandle =
        simulation.schedule(
            SimTime.secondsToMicros(startSeconds.sample()), scheduler -> onStarted());
  }

  private void onStarted() {
    state = State.RUNNING;
    books.meter().change(simulation.nowMicros(), -1, 0, 1);
    dispatch();
    if (running.isEmpty()) {
      armIdleTimer();
    }
  }

  /** Stops the instance; a scheduled stop also ends running and queued work. */
  private void stop(boolean bySchedule) {
    long now = simulation.nowMicros();
    if (state == State.STARTING) {
      simulation.cancel(startHandle);
      books.meter().change(now, -1, 0, 0);
    } else if (running.isEmpty()) {
      simulation.cancel(idleTimerHandle);
      books.meter().change(now, 0, 0, -1);
    } else {
      books.meter().change(now, 0, -1, 0);
      for (Job job : List.copyOf(running)) {
        simulation.cancel(job.completionHandle());
        finish(job);
        books.failed(job, STOPPED_BY_SCHEDULE, now);
      }
    }
    if (bySchedule) {
      queue.forEach(job -> books.failed(job, STOPPED_BY_SCHEDULE, now));
      queue.clear();
    }
    books.meter().nodeEnded(now, createdMicros);
    state = State.STOPPED;
    stopped.update(now, 1);
  }

  private void scheduleNext(InstanceSchedule schedule) {
    Instant now = epoch.plusNanos(simulation.nowMicros() * 1000);
    schedule
        .nextAfter(now)
        .ifPresent(
            next -> {
              long micros =
                  (next.getEpochSecond() - epoch.getEpochSecond()) * SimTime.MICROS_PER_SECOND
                      + (next.getNano() - epoch.getNano()) / 1000;
              simulation.scheduleAt(micros, scheduler -> onSchedule(schedule));
            });
  }

  private void onSchedule(InstanceSchedule schedule) {
    if (schedule.action() == InstanceSchedule.Action.START && state == State.STOPPED) {
      requestStart();
    } else if (schedule.action() == InstanceSchedule.Action.STOP && state != State.STOPPED) {
      stop(true);
    }
    scheduleNext(schedule);
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
    return running.size();
  }

  @Override
  public void forEachUnfinishedJob(JobObserver visitor, long nowMicros) {
    tellUnfinished(queue, running, visitor, nowMicros);
  }

  @Override
  public ComputeStats stats(long nowMicros) {
    return books.stats(
        nowMicros,
        stoppedUsd(nowMicros),
        loadBalancerUsd(nowMicros),
        queuedJobsNow(),
        runningJobsNow());
  }

  private double stoppedUsd(long nowMicros) {
    return stopped.integralSeconds(nowMicros) * spec.storageAndIpUsdPerHour() / 3600;
  }

  private double loadBalancerUsd(long nowMicros) {
    return measured.integralSeconds(nowMicros) / 86_400 * spec.loadBalancerUsdPerDay();
  }

  /**
   * Also checks that the time stopped and the time running (the node's lifetimes, which the meter
   * checks against billed time) add up to the time measured: the instance is always one or the
   * other.
   */
  @Override
  public void verifyInvariants(long nowMicros) {
    long[] alive = state == State.STOPPED ? new long[0] : new long[] {createdMicros};
    books.verify(
        nowMicros,
        queuedJobsNow(),
        runningJobsNow(),
        alive,
        stoppedUsd(nowMicros),
        loadBalancerUsd(nowMicros));
    verifyAlwaysStoppedOrRunning(
        spec.name(),
        stopped.integralSeconds(nowMicros),
        SimTime.microsToSeconds(books.meter().billedNodeMicros(nowMicros)),
        measured.integralSeconds(nowMicros));
  }

  static void verifyAlwaysStoppedOrRunning(
      String compute, double stoppedSeconds, double runningSeconds, double measuredSeconds) {
    if (!(Math.abs(stoppedSeconds + runningSeconds - measuredSeconds) <= 1e-6)) {
      throw new IllegalStateException(
          String.format(
              java.util.Locale.ROOT,
              "%s: stopped %.6f s + running %.6f s != %.6f s measured",
              compute,
              stoppedSeconds,
              runningSeconds,
              measuredSeconds));
    }
  }
}
