package io.capsim.scenario;

import io.capsim.workload.ArrivalProcess;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The {@code process} of a workload's {@code arrivals:}, each with the parser of its keys. A new
 * arrival process is a new constant here, the parser it names, and a record implementing the sealed
 * {@link ArrivalProcess}, which must say how a run draws its arrivals.
 */
@SuppressWarnings("ImmutableEnumChecker") // each parser is a stateless method
enum ArrivalKind {
  POISSON("poisson", WorkloadParser::poisson),
  PERIODIC("periodic", (f, zone, epoch) -> WorkloadParser.periodic(f)),
  CRON("cron", WorkloadParser::cron),
  /** Written {@code {trace: path, ...}}, not as a process; named here to say so. */
  TRACE(
      "trace",
      (f, zone, epoch) -> {
        f.problem(
            f.node("process").orElseThrow(),
            "process",
            "a trace is given as {trace: path, format: swf, csv or alibaba}, not as a process");
        return Optional.empty();
      });

  /** Reads a process's keys; empty when they have problems (already reported). */
  @FunctionalInterface
  interface Parser {
    Optional<ArrivalProcess> parse(Fields f, ZoneId zone, Instant epoch);
  }

  private final String key;
  private final Parser parser;

  ArrivalKind(String key, Parser parser) {
    this.key = key;
    this.parser = parser;
  }

  String key() {
    return key;
  }

  Optional<ArrivalProcess> parse(Fields f, ZoneId zone, Instant epoch) {
    return parser.parse(f, zone, epoch);
  }
}
