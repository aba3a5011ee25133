package io.capsim.engine;

import java.util.Arrays;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Pending events ordered by time, then by insertion: events due at the same microsecond come out in
 * the order they were scheduled, so a run is reproducible bit for bit.
 *
 * <p>The heap lives in two parallel primitive arrays: the times, and keys that pack each entry's
 * insertion sequence above the slot holding its payload, so equal times break by comparing keys;
 * nothing is allocated per event. A slot table holds the payload and the sequence of the event in
 * the slot, which is what makes a handle safe to keep: the handle is the key, and names a live
 * event only while its slot still holds that sequence.
 *
 * <p>Cancellation is lazy: it clears the slot's payload in O(1) and the dead entry is dropped when
 * it reaches the top. Idle timers are cancelled far more often than they fire, so when dead entries
 * outnumber live ones the heap is compacted and rebuilt in O(n), which keeps the memory and the
 * depth of the heap bounded by twice the live events.
 *
 * <p>A handle packs (sequence, slot) into a positive {@code long}; sequences are never reused, so a
 * stale handle (fired or cancelled) never touches a later event. A run may schedule 2^39 - 1 events
 * (5.5e11) and hold 2^24 (16.7 million) pending at once. Not thread-safe.
 *
 * @param <E> the payload carried by each event
 */
public final class EventCalendar<E> {
  private static final int INITIAL_CAPACITY = 64;
  private static final int MIN_DEAD_BEFORE_COMPACTION = 64;
  private static final int SLOT_BITS = 24;
  private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;

  /** The first sequence whose key would not be a positive {@code long}. */
  private static final long SEQUENCE_LIMIT = 1L << (63 - SLOT_BITS);

  /** A free slot's sequence, which no handle carries (they carry 1 and up). */
  private static final long FREE = -1;

  private final int log2Arity;
  private final int arity;

  private long[] heapTimes;
  private long[] heapKeys;
  private int heapSize;
  private int deadCount;

  /**
   * True after a poll until the next operation: the top entry is gone but not yet replaced. A
   * schedule that follows (the usual case: a fired event schedules the next) then fills the hole
   * with one sift-down, instead of a sift-down to remove the top and a sift-up to insert.
   */
  private boolean topIsHole;

  /** The sequence of the event in each slot; {@link #FREE} once the slot is free. */
  private long[] slotSeqs;

  private Object[] slotPayloads;

  /** The number each slot's event was scheduled with (0 unless given). */
  private int[] slotNumbers;

  private int[] freeSlots;
  private int freeCount;
  private int slotCount;

  private long nextSeq;
  private long polledTimeMicros;
  private int polledNumber;

  public EventCalendar() {
    this(HeapArity.DEFAULT);
  }

  public EventCalendar(HeapArity heapArity) {
    this(heapArity, 1);
  }

  /** Starts the insertion sequence at {@code firstSequence}: for the test of its limit. */
  EventCalendar(HeapArity heapArity, long firstSequence) {
    this.nextSeq = firstSequence;
    this.log2Arity = heapArity.log2;
    this.arity = heapArity.children();
    heapTimes = new long[INITIAL_CAPACITY];
    heapKeys = new long[INITIAL_CAPACITY];
    slotSeqs = new long[INITIAL_CAPACITY];
    slotPayloads = new Object[INITIAL_CAPACITY];
    slotNumbers = new int[INITIAL_CAPACITY];
    freeSlots = new int[INITIAL_CAPACITY];
  }

  /** Live (scheduled, not yet fired nor cancelled) events. */
  public int size() {
    return heapSize - deadCount - (topIsHole ? 1 : 0);
  }

  public boolean isEmpty() {
    return size() == 0;
  }

  /** Entries in the heap, dead ones included: what compaction bounds (for its tests). */
  int heapEntries() {
    return heapSize - (topIsHole ? 1 : 0);
  }

  /** Slots ever allocated: what slot reuse bounds (for its tests). */
  int slotsAllocated() {
    return slotCount;
  }

  /** Adds {@code payload} at {@code timeMicros}, after any event already due then. */
  public long schedule(long timeMicros, E payload) {
    return schedule(timeMicros, payload, 0);
  }

  /**
   * Adds {@code payload} at {@code timeMicros} with {@code number}, which {@link #polledNumber()}
   * gives back when it is polled: one payload then serves many events told apart by their number.
   */
  public long schedule(long timeMicros, E payload, int number) {
    Objects.requireNonNull(payload, "payload");
    if (nextSeq == SEQUENCE_LIMIT) {
      throw new IllegalStateException(
          "a run cannot schedule more than " + (SEQUENCE_LIMIT - 1) + " events");
    }
    int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
    long seq = nextSeq++;
    slotSeqs[slot] = seq;
    if (slotPayloads[slot] != payload) {
      // An event rescheduling itself usually gets back the slot it just freed, payload and all.
      slotPayloads[slot] = payload;
    }
    slotNumbers[slot] = number;
    long key = key(seq, slot);
    if (topIsHole) {
      topIsHole = false;
      siftDown(0, timeMicros, key);
    } else {
      pushNew(timeMicros, key);
    }
    return key;
  }

  private void pushNew(long timeMicros, long key) {
    if (heapSize == heapTimes.length) {
      heapTimes = Arrays.copyOf(heapTimes, heapSize * 2);
      heapKeys = Arrays.copyOf(heapKeys, heapSize * 2);
    }
    siftUpNewest(heapSize++, timeMicros, key);
  }

  /** Removes the event behind {@code handle}; false if it already fired or was cancelled. */
  public boolean cancel(long handle) {
    int slot = liveSlot(handle);
    if (slot < 0) {
      return false;
    }
    slotPayloads[slot] = null;
    deadCount++;
    if (deadCount >= MIN_DEAD_BEFORE_COMPACTION && deadCount > heapSize - deadCount) {
      compact();
    }
    return true;
  }

  /** True while the event behind {@code handle} has neither fired nor been cancelled. */
  public boolean isPending(long handle) {
    return liveSlot(handle) >= 0;
  }

  /**
   * The time of the earliest live event.
   *
   * @throws NoSuchElementException if there is none
   */
  public long peekTimeMicros() {
    requireLive(liveTop());
    return heapTimes[0];
  }

  /**
   * Removes and returns the earliest live event's payload; read its time first with {@link
   * #peekTimeMicros()}.
   *
   * @throws NoSuchElementException if there is none
   */
  public E poll() {
    return take(requireLive(liveTop()));
  }

  /**
   * Removes and returns the earliest live event's payload if it is due at or before {@code
   * endMicros}, its time then being {@link #polledTimeMicros()}; null, removing nothing, if none
   * is. A run loop's one call per event.
   */
  public @Nullable E pollDue(long endMicros) {
    int slot = liveTop();
    if (slot < 0 || heapTimes[0] > endMicros) {
      return null;
    }
    polledTimeMicros = heapTimes[0];
    polledNumber = slotNumbers[slot];
    return take(slot);
  }

  /** The time of the event {@link #pollDue} last returned. */
  public long polledTimeMicros() {
    return polledTimeMicros;
  }

  /** The number the event {@link #pollDue} last returned was scheduled with. */
  public int polledNumber() {
    return polledNumber;
  }

  /** Frees the top entry's {@code slot}, leaving a hole at the top, and returns its payload. */
  @SuppressWarnings("unchecked")
  private E take(int slot) {
    E payload = (E) slotPayloads[slot];
    freeSlot(slot);
    topIsHole = true;
    return payload;
  }

  private static int requireLive(int slot) {
    if (slot < 0) {
      throw new NoSuchElementException("the event calendar is empty");
    }
    return slot;
  }

  /**
   * Fills the hole a poll left at the top and drops the dead entries there; returns the slot of the
   * live entry then at the top, or -1 when there is none.
   */
  private int liveTop() {
    if (topIsHole) {
      topIsHole = false;
      removeTop();
    }
    while (heapSize > 0) {
      int slot = slotOf(heapKeys[0]);
      // With nothing cancelled in the heap the top is live: no read of the slot's payload.
      if (deadCount == 0 || slotPayloads[slot] != null) {
        return slot;
      }
      freeSlot(slot);
      deadCount--;
      removeTop();
    }
    return -1;
  }

  /** The heap key, and handle, of the event with insertion sequence {@code seq} in {@code slot}. */
  static long key(long seq, int slot) {
    return (seq << SLOT_BITS) | slot;
  }

  /** The slot a heap key or handle names. */
  static int slotOf(long key) {
    return (int) (key & SLOT_MASK);
  }

  private int liveSlot(long handle) {
    int slot = slotOf(handle);
    boolean live =
        handle > 0
            && slot < slotCount
            && slotSeqs[slot] == handle >>> SLOT_BITS
            && slotPayloads[slot] != null;
    return live ? slot : -1;
  }

  private void removeTop() {
    int last = --heapSize;
    if (last > 0) {
      siftDown(0, heapTimes[last], heapKeys[last]);
    }
  }

  private int newSlot() {
    if (slotCount == slotPayloads.length) {
      if (slotCount == 1 << SLOT_BITS) {
        throw new IllegalStateException(
            "a run cannot hold more than " + slotCount + " pending events at once");
      }
      int capacity = slotCount * 2;
      slotSeqs = Arrays.copyOf(slotSeqs, capacity);
      slotPayloads = Arrays.copyOf(slotPayloads, capacity);
      slotNumbers = Arrays.copyOf(slotNumbers, capacity);
      freeSlots = Arrays.copyOf(freeSlots, capacity);
    }
    return slotCount++;
  }

  /**
   * Returns {@code slot} to the free list. A fired event's payload stays referenced until the slot
   * is reused (at most as many payloads as were ever pending at once): clearing it would cost a
   * reference store, and its GC write barrier, per event. A freed slot is never in the heap, and
   * holds no sequence, so its old handle is stale.
   */
  private void freeSlot(int slot) {
    slotSeqs[slot] = FREE;
    freeSlots[freeCount++] = slot;
  }

  /** Sifts up an entry scheduled just now: its sequence is the largest, so ties never move it. */
  private void siftUpNewest(int position, long time, long key) {
    while (position > 0) {
      int parent = (position - 1) >> log2Arity;
      long parentTime = heapTimes[parent];
      if (parentTime <= time) {
        break;
      }
      heapTimes[position] = parentTime;
      heapKeys[position] = heapKeys[parent];
      position = parent;
    }
    heapTimes[position] = time;
    heapKeys[position] = key;
  }

  /*
   * Which child is earliest is a coin toss the branch predictor cannot learn, so the sift-downs
   * pick it with selects the JIT compiles to conditional moves, behind a test for equal times that
   * is almost always false and so well predicted; equal times take the slow path that compares
   * keys. This doubled the hold model's speed on a 1,000-event binary heap.
   */
  private void siftDown(int position, long time, long key) {
    long[] times = heapTimes;
    long[] keys = heapKeys;
    int size = heapSize;
    while (true) {
      int first = (position << log2Arity) + 1;
      if (first >= size) {
        break;
      }
      int best = arity == 2 ? earliestOfTwo(first, size) : earliestOfFour(first, size);
      long bestTime = times[best];
      if (bestTime > time || (bestTime == time && keys[best] > key)) {
        break;
      }
      times[position] = bestTime;
      keys[position] = keys[best];
      position = best;
    }
    times[position] = time;
    keys[position] = key;
  }

  private int earliestOfTwo(int first, int size) {
    long[] times = heapTimes;
    if (first + 1 < size && times[first] != times[first + 1]) {
      return times[first + 1] < times[first] ? first + 1 : first;
    }
    return earliestChildBySequence(first, size);
  }

  @SuppressWarnings("ShortCircuitBoolean") // & on purpose: one select, no branches; see above
  private int earliestOfFour(int first, int size) {
    long[] times = heapTimes;
    if (first + 4 <= size) {
      long t0 = times[first];
      long t1 = times[first + 1];
      long t2 = times[first + 2];
      long t3 = times[first + 3];
      long min01 = Math.min(t0, t1);
      long min23 = Math.min(t2, t3);
      if ((t0 != t1) & (t2 != t3) & (min01 != min23)) {
        int best01 = t1 < t0 ? first + 1 : first;
        int best23 = t3 < t2 ? first + 3 : first + 2;
        return min23 < min01 ? best23 : best01;
      }
    }
    return earliestChildBySequence(first, size);
  }

  private int earliestChildBySequence(int first, int size) {
    int best = first;
    long bestTime = heapTimes[first];
    int end = Math.min(first + arity, size);
    for (int child = first + 1; child < end; child++) {
      long childTime = heapTimes[child];
      if (childTime < bestTime || (childTime == bestTime && heapKeys[child] < heapKeys[best])) {
        best = child;
        bestTime = childTime;
      }
    }
    return best;
  }

  /** Drops every dead entry and rebuilds the heap bottom-up (Floyd), in O(n). */
  private void compact() {
    if (topIsHole) {
      topIsHole = false;
      removeTop();
    }
    int kept = 0;
    for (int i = 0; i < heapSize; i++) {
      long key = heapKeys[i];
      int slot = slotOf(key);
      if (slotPayloads[slot] == null) {
        freeSlot(slot);
      } else {
        heapTimes[kept] = heapTimes[i];
        heapKeys[kept] = key;
        kept++;
      }
    }
    heapSize = kept;
    deadCount = 0;
    for (int i = (kept - 2) >> log2Arity; i >= 0; i--) {
      siftDown(i, heapTimes[i], heapKeys[i]);
    }
  }
}
