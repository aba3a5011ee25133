package io.capsim.engine.model;

import io.capsim.engine.Event;
import io.capsim.engine.SimTime;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Distribution;
import io.capsim.engine.random.Sampler;
import io.capsim.engine.stat.QuantileRecorder;
import io.capsim.engine.stat.Tally;
import io.capsim.engine.stat.TimeWeighted;

/**
 * An M/M/c queue written on the engine, as a model would be: two reusable events (arrival,
 * departure), a FIFO of arrival times, and statistics that reset at the warm-up instant. Used by
 * the Erlang C tests and, unchanged, by {@code MmcBenchmark}.
 */
public final class MmcQueue {
  private final Simulation simulation;
  private final int servers;
  private final long customerLimit;
  private final Sampler interarrivalSeconds;
  private final Sampler serviceSeconds;
  private final Event arrival = scheduler -> onArrival();
  private final Event departure = scheduler -> onDeparture();

  private final LongFifo waitingSince = new LongFifo();
  private int busyServers;
  private long arrivals;

  private final Tally waitSeconds;
  private final Tally waited;
  private final QuantileRecorder waitMicros;
  private final TimeWeighted busy;

  /**
   * A queue whose arrivals (stream {@code mmc.arrivals}) and services ({@code mmc.service}) are
   * exponential with the given rates per second; arrivals stop after {@code customerLimit}.
   */
  public MmcQueue(
      Simulation simulation,
      int servers,
      double arrivalRatePerSecond,
      double serviceRatePerSecond,
      long customerLimit) {
    this.simulation = simulation;
    this.servers = servers;
    this.customerLimit = customerLimit;
    this.interarrivalSeconds =
        Distribution.exponential(1 / arrivalRatePerSecond)
            .sampler(simulation.stream("mmc.arrivals"));
    this.serviceSeconds =
        Distribution.exponential(1 / serviceRatePerSecond)
            .sampler(simulation.stream("mmc.service"));
    this.waitSeconds = simulation.resetAtWarmup(new Tally());
    this.waited = simulation.resetAtWarmup(new Tally());
    this.waitMicros = simulation.resetAtWarmup(new QuantileRecorder());
    this.busy = simulation.resetAtWarmup(new TimeWeighted(simulation.nowMicros(), 0));
  }

  /** Schedules the first arrival. */
  public void start() {
    simulation.schedule(SimTime.secondsToMicros(interarrivalSeconds.sample()), arrival);
  }

  private void onArrival() {
    if (++arrivals < customerLimit) {
      simulation.schedule(SimTime.secondsToMicros(interarrivalSeconds.sample()), arrival);
    }
    long now = simulation.nowMicros();
    if (busyServers < servers) {
      busy.update(now, ++busyServers);
      startService(now, now);
    } else {
      waitingSince.add(now);
    }
  }

  private void onDeparture() {
    long now = simulation.nowMicros();
    if (waitingSince.isEmpty()) {
      busy.update(now, --busyServers);
    } else {
      startService(now, waitingSince.remove());
    }
  }

  private void startService(long now, long arrivedMicros) {
    long waitedMicros = now - arrivedMicros;
    waitSeconds.record(SimTime.microsToSeconds(waitedMicros));
    waited.record(waitedMicros > 0 ? 1 : 0);
    waitMicros.record(waitedMicros);
    simulation.schedule(SimTime.secondsToMicros(serviceSeconds.sample()), departure);
  }

  /** Waits in seconds of customers who started service since warm-up. */
  public Tally waitSeconds() {
    return waitSeconds;
  }

  /** 1 for each customer since warm-up who had to wait, 0 for each who did not. */
  public Tally waited() {
    return waited;
  }

  public QuantileRecorder waitMicros() {
    return waitMicros;
  }

  /** Busy servers over time since warm-up. */
  public TimeWeighted busyServers() {
    return busy;
  }

  public long arrivals() {
    return arrivals;
  }
}
