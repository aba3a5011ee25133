package io.capsim.compute.instance;

import io.capsim.engine.Cron;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * One of a compute instance's start/stop schedules: a five-field cron expression (minute hour
 * day-of-month month day-of-week) evaluated in a time zone, as in Azure ML's {@code
 * schedules.compute_start_stop}.
 */
public record InstanceSchedule(Action action, String cron, ZoneId timeZone) {
  public enum Action {
    START,
    STOP
  }

  public InstanceSchedule {
    try {
      new Cron(cron, timeZone);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("schedule " + e.getMessage(), e);
    }
  }

  /** The first firing strictly after {@code after}; empty if the expression never fires again. */
  public Optional<Instant> nextAfter(Instant after) {
    return new Cron(cron, timeZone).nextAfter(after);
  }
}
