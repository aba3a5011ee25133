package io.capsim.engine;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week) in a time zone, as
 * Azure ML's schedules write them; parsed once by cron-utils.
 */
public final class Cron {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String expression;
  private final ZoneId timeZone;
  private final ExecutionTime times;

  /**
   * @throws IllegalArgumentException naming the expression and what is wrong with it
   */
  public Cron(String expression, ZoneId timeZone) {
    this.expression = expression;
    this.timeZone = timeZone;
    try {
      this.times = ExecutionTime.forCron(PARSER.parse(expression).validate());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cron \"" + expression + "\" is not a 5-field cron expression: " + e.getMessage(), e);
    }
  }

  public String expression() {
    return expression;
  }

  public ZoneId timeZone() {
    return timeZone;
  }

  /** The first firing strictly after {@code after}; empty if the expression never fires again. */
  public Optional<Instant> nextAfter(Instant after) {
    return times
        .nextExecution(ZonedDateTime.ofInstant(after, timeZone))
        .map(ZonedDateTime::toInstant);
  }
}
