package io.capsim.bench;

import io.capsim.engine.Event;
import io.capsim.engine.EventCalendar;
import io.capsim.engine.HeapArity;
import io.capsim.engine.SimTime;
import java.util.PriorityQueue;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The event lists measured side by side, each used the way its library intends and each given the
 * same advantage: event objects are reused, never allocated per operation.
 */
final class HoldQueues {
  private HoldQueues() {}

  /** Names as in {@code HoldModelBenchmark}'s {@code queue} parameter. */
  static HoldQueue create(String name) {
    return switch (name) {
      case "capsim" -> new Capsim(HeapArity.DEFAULT);
      case "capsim-binary" -> new Capsim(HeapArity.BINARY);
      case "capsim-4ary" -> new Capsim(HeapArity.QUATERNARY);
      case "jdk" -> new Jdk();
      case "primitive-heap" -> new PrimitiveHeap();
      case "ssj-splay" -> new Ssj(new SplayTree());
      case "ssj-henriksen" -> new Ssj(new Henriksen());
      default -> throw new IllegalArgumentException("unknown queue " + name);
    };
  }

  /** capsim's calendar, handles and lazy cancellation included; time in microseconds. */
  static final class Capsim implements HoldQueue {
    private static final Event NO_OP = scheduler -> {};
    private final EventCalendar<Event> calendar;

    Capsim(HeapArity arity) {
      calendar = new EventCalendar<>(arity);
    }

    @Override
    public void add(double timeSeconds) {
      calendar.schedule(SimTime.secondsToMicros(timeSeconds), NO_OP);
    }

    @Override
    public double hold(double incrementSeconds) {
      long time = calendar.peekTimeMicros();
      Event event = calendar.poll();
      calendar.schedule(time + SimTime.secondsToMicros(incrementSeconds), event);
      return time;
    }
  }

  /** A small event object ordered by (time, insertion sequence), as an engine on the JDK would. */
  static final class JdkEvent implements Comparable<JdkEvent> {
    double time;
    long seq;

    @Override
    public int compareTo(JdkEvent other) {
      int byTime = Double.compare(time, other.time);
      return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }
  }

  /** java.util.PriorityQueue of {@link JdkEvent}s. */
  static final class Jdk implements HoldQueue {
    private final PriorityQueue<JdkEvent> queue = new PriorityQueue<>();
    private long nextSeq;

    @Override
    public void add(double timeSeconds) {
      JdkEvent event = new JdkEvent();
      event.time = timeSeconds;
      event.seq = nextSeq++;
      queue.add(event);
    }

    @Override
    public double hold(double incrementSeconds) {
      JdkEvent event = queue.poll();
      double time = event.time;
      event.time = time + incrementSeconds;
      event.seq = nextSeq++;
      queue.add(event);
      return time;
    }
  }

  /**
   * An SSJ 3.3.2 event with nothing to do when it fires. SSJ's own simulator marks a removed event
   * by setting its time to -10 before it may be rescheduled; the bare lists do not, so the event
   * sets its time field directly, as the simulator would.
   */
  static final class SsjEvent extends umontreal.ssj.simevents.Event {
    void setTimeOutsideList(double time) {
      eventTime = time;
    }

    @Override
    public void actions() {}
  }

  /** One of SSJ's event lists; SSJ breaks time ties by insertion order too. */
  static final class Ssj implements HoldQueue {
    private final EventList list;

    Ssj(EventList list) {
      this.list = list;
    }

    @Override
    public void add(double timeSeconds) {
      SsjEvent event = new SsjEvent();
      event.setTimeOutsideList(timeSeconds);
      list.add(event);
    }

    @Override
    public double hold(double incrementSeconds) {
      SsjEvent event = (SsjEvent) list.removeFirst();
      double time = event.time();
      event.setTimeOutsideList(time + incrementSeconds);
      list.add(event);
      return time;
    }
  }

  /**
   * The floor: a bare binary heap of {@code long} times with no payload, no tie-break and no
   * handles. Nothing an engine could use, but it shows what the calendar's extras cost.
   */
  static final class PrimitiveHeap implements HoldQueue {
    private long[] times = new long[16];
    private int size;

    @Override
    public void add(double timeSeconds) {
      if (size == times.length) {
        times = java.util.Arrays.copyOf(times, size * 2);
      }
      long time = SimTime.secondsToMicros(timeSeconds);
      int position = size++;
      while (position > 0 && times[(position - 1) >>> 1] > time) {
        times[position] = times[(position - 1) >>> 1];
        position = (position - 1) >>> 1;
      }
      times[position] = time;
    }

    @Override
    public double hold(double incrementSeconds) {
      long top = times[0];
      long time = top + SimTime.secondsToMicros(incrementSeconds);
      int position = 0;
      while (true) {
        int child = 2 * position + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size && times[child + 1] < times[child]) {
          child++;
        }
        if (times[child] >= time) {
          break;
        }
        times[position] = times[child];
        position = child;
      }
      times[position] = time;
      return top;
    }
  }
}
