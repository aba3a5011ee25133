package io.capsim.compute;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  public InstanceSchedule {
    try {
      PARSER.parse(cron).validate();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "schedule cron \"" + cron + "\" is not a 5-field cron expression: " + e.getMessage(), e);
    }
  }

  /** The first firing strictly after {@code after}; empty if the expression never fires again. */
  public Optional<Instant> nextAfter(Instant after) {
    ExecutionTime times = ExecutionTime.forCron(PARSER.parse(cron));
    return times
        .nextExecution(ZonedDateTime.ofInstant(after, timeZone))
        .map(ZonedDateTime::toInstant);
  }
}
