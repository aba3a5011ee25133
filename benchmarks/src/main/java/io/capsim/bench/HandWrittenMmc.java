package io.capsim.bench;

import io.capsim.engine.SimTime;
import io.capsim.engine.model.LongFifo;
import io.capsim.engine.random.Distribution;
import io.capsim.engine.random.RandomStreams;
import io.capsim.engine.random.Sampler;
import io.capsim.engine.stat.QuantileRecorder;
import io.capsim.engine.stat.Tally;
import io.capsim.engine.stat.TimeWeighted;

/**
 * The M/M/c queue as a tight loop with no engine: a primitive binary heap of departure times, the
 * next arrival in a local, and a ring buffer of waiting customers. It draws from the same streams
 * and records the same statistics as the engine-based {@code MmcQueue}, so the two differ only in
 * the engine's calendar, dispatch and clock; it is the upper bound the engine is measured against.
 */
final class HandWrittenMmc {
  final Tally waitSeconds = new Tally();
  final Tally waited = new Tally();
  final QuantileRecorder waitMicros = new QuantileRecorder();
  final TimeWeighted busy = new TimeWeighted(0, 0);

  private final int servers;
  private final long[] departures;
  private int busyServers;
  private final LongFifo waitingSince = new LongFifo();
  private long nowMicros;

  private HandWrittenMmc(int servers) {
    this.servers = servers;
    this.departures = new long[servers];
  }

  /** Serves {@code customers} arrivals to completion and returns the model with its statistics. */
  static HandWrittenMmc run(
      int servers,
      double arrivalRatePerSecond,
      double serviceRatePerSecond,
      long customers,
      RandomStreams streams) {
    HandWrittenMmc model = new HandWrittenMmc(servers);
    Sampler interarrival =
        Distribution.exponential(1 / arrivalRatePerSecond).sampler(streams.stream("mmc.arrivals"));
    Sampler service =
        Distribution.exponential(1 / serviceRatePerSecond).sampler(streams.stream("mmc.service"));
    model.loop(customers, interarrival, service);
    return model;
  }

  private void loop(long customers, Sampler interarrival, Sampler service) {
    long nextArrival = SimTime.secondsToMicros(interarrival.sample());
    long arrivals = 0;
    while (arrivals < customers || busyServers > 0) {
      boolean arrivalNext =
          arrivals < customers && (busyServers == 0 || nextArrival < departures[0]);
      if (arrivalNext) {
        nowMicros = nextArrival;
        if (++arrivals < customers) {
          nextArrival = nowMicros + SimTime.secondsToMicros(interarrival.sample());
        }
        if (busyServers < servers) {
          busy.update(nowMicros, busyServers + 1);
          startService(nowMicros, service, true);
        } else {
          waitingSince.add(nowMicros);
        }
      } else {
        nowMicros = departures[0];
        if (waitingSince.isEmpty()) {
          busy.update(nowMicros, busyServers - 1);
          removeTop();
        } else {
          startService(waitingSince.remove(), service, false);
        }
      }
    }
  }

  /** Starts a service now; a new server joins the heap, else the departing one is replaced. */
  private void startService(long arrivedMicros, Sampler service, boolean newServer) {
    long waitedMicros = nowMicros - arrivedMicros;
    waitSeconds.record(SimTime.microsToSeconds(waitedMicros));
    waited.record(waitedMicros > 0 ? 1 : 0);
    waitMicros.record(waitedMicros);
    long departure = nowMicros + SimTime.secondsToMicros(service.sample());
    if (newServer) {
      siftUp(busyServers++, departure);
    } else {
      siftDown(0, departure);
    }
  }

  private void removeTop() {
    long last = departures[--busyServers];
    if (busyServers > 0) {
      siftDown(0, last);
    }
  }

  private void siftUp(int position, long time) {
    while (position > 0) {
      int parent = (position - 1) >>> 1;
      if (departures[parent] <= time) {
        break;
      }
      departures[position] = departures[parent];
      position = parent;
    }
    departures[position] = time;
  }

  private void siftDown(int position, long time) {
    while (true) {
      int child = 2 * position + 1;
      if (child >= busyServers) {
        break;
      }
      if (child + 1 < busyServers && departures[child + 1] < departures[child]) {
        child++;
      }
      if (departures[child] >= time) {
        break;
      }
      departures[position] = departures[child];
      position = child;
    }
    departures[position] = time;
  }

  long nowMicros() {
    return nowMicros;
  }
}
