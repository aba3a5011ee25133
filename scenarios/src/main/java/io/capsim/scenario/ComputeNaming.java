package io.capsim.scenario;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Azure ML's rules for a compute's name, by kind, so that a name capsim accepts is one {@code az ml
 * compute create} accepts too. The rules are Azure's own error messages: for a compute cluster (and
 * an attached compute) "It can include letters, digits and dashes. It must start with a letter, end
 * with a letter or digit, and be between 2 and 16 characters in length"; for a compute instance
 * "between 3 and 24 characters in length ... only numbers, letters and minus symbol (-), must start
 * with letters. Numbers cannot be the ending of the name if the previous character is a minus
 * symbol" (quoted in MicrosoftLearning/DP100#50 and microsoft/AzureTRE#3661).
 */
enum ComputeNaming {
  /** Compute clusters, attached VMs and Kubernetes: an Azure ML compute resource. */
  COMPUTE(
      "a compute cluster or an attached compute",
      Pattern.compile("[A-Za-z]([A-Za-z0-9-]{0,14}[A-Za-z0-9])?"),
      2,
      16,
      "2 to 16 letters, digits and dashes, starting with a letter and ending with a letter or"
          + " digit"),
  /** Compute instances. */
  INSTANCE(
      "a compute instance",
      Pattern.compile("[A-Za-z][A-Za-z0-9-]*"),
      3,
      24,
      "3 to 24 letters, digits and dashes, starting with a letter and not ending in a dash and"
          + " digits"),
  /** Serverless compute is not a resource Azure names: any name serves. */
  UNNAMED("serverless compute", Pattern.compile(".*"), 1, Integer.MAX_VALUE, "");

  private static final Pattern DASH_AND_DIGITS_AT_END = Pattern.compile(".*-[0-9]+");

  @SuppressWarnings("ImmutableEnumChecker") // Pattern is immutable and thread-safe
  private final Pattern allowed;

  private final int minLength;
  private final int maxLength;
  private final String what;
  private final String rule;

  ComputeNaming(String what, Pattern allowed, int minLength, int maxLength, String rule) {
    this.what = what;
    this.allowed = allowed;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.rule = rule;
  }

  /** Why Azure ML would refuse {@code name} for a compute of this kind; empty if it would not. */
  Optional<String> problem(String name) {
    boolean ok =
        name.length() >= minLength
            && name.length() <= maxLength
            && allowed.matcher(name).matches()
            && !(this == INSTANCE && DASH_AND_DIGITS_AT_END.matcher(name).matches());
    return ok
        ? Optional.empty()
        : Optional.of(
            "Azure ML names "
                + what
                + " with "
                + rule
                + "; \""
                + name
                + "\" ("
                + name.length()
                + " characters) is not such a name");
  }
}
