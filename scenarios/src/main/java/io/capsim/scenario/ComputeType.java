package io.capsim.scenario;

import io.capsim.compute.cluster.AttachedSpec;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The {@code type} of an entry of {@code computes:}, Azure ML's own names, each with the parser of
 * its keys. A new kind of compute is a new constant here and the parser it names.
 */
@SuppressWarnings("ImmutableEnumChecker") // each parser is a stateless method
enum ComputeType {
  AMLCOMPUTE(
      "amlcompute", ComputeNaming.COMPUTE, (f, name, zone) -> ComputeParser.cluster(f, name)),
  COMPUTEINSTANCE("computeinstance", ComputeNaming.INSTANCE, ComputeParser::instance),
  SERVERLESS(
      "serverless", ComputeNaming.UNNAMED, (f, name, zone) -> ComputeParser.serverless(f, name)),
  VIRTUALMACHINE(
      "virtualmachine",
      ComputeNaming.COMPUTE,
      (f, name, zone) -> ComputeParser.attached(f, name, AttachedSpec.Kind.VIRTUAL_MACHINE)),
  KUBERNETES(
      "kubernetes",
      ComputeNaming.COMPUTE,
      (f, name, zone) -> ComputeParser.attached(f, name, AttachedSpec.Kind.KUBERNETES));

  /** Reads a compute's keys; empty when they have problems (already reported). */
  @FunctionalInterface
  interface Parser {
    Optional<ComputeDef> parse(Fields f, String name, ZoneId defaultZone);
  }

  private final String key;
  private final ComputeNaming naming;
  private final Parser parser;

  ComputeType(String key, ComputeNaming naming, Parser parser) {
    this.key = key;
    this.naming = naming;
    this.parser = parser;
  }

  /** Azure ML's rule for the name of a compute of this type. */
  ComputeNaming naming() {
    return naming;
  }

  String key() {
    return key;
  }

  Optional<ComputeDef> parse(Fields f, String name, ZoneId defaultZone) {
    return parser.parse(f, name, defaultZone);
  }
}
