package io.capsim.bench;

/**
 * One event list under the classic hold model: each operation removes the earliest pending event
 * and schedules it again at its time plus an increment, so the number pending stays fixed.
 */
interface HoldQueue {
  /** Adds an event at {@code timeSeconds}, while filling the list in setup. */
  void add(double timeSeconds);

  /** Polls the earliest event and schedules it again {@code incrementSeconds} later. */
  double hold(double incrementSeconds);
}
