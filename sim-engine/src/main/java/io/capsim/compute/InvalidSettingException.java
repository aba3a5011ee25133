package io.capsim.compute;

/**
 * A setting a model refuses, said once where the rule lives and reported as data: which compute or
 * workload, which key, and why. The scenario parser places it at that key in the file; a program
 * building models directly reads the message, which names the compute or workload.
 */
public final class InvalidSettingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What the setting belongs to. */
  public enum Owner {
    COMPUTE,
    WORKLOAD
  }

  private final Owner owner;
  private final String name;
  private final String key;
  private final String reason;

  /**
   * @param name the compute's or workload's name
   * @param key the setting's key as a scenario writes it ({@code min_instances}); empty when the
   *     reason is about the compute or workload as a whole
   * @param reason what is wrong, as the scenario's problem states it after the key's path
   */
  private InvalidSettingException(
      Owner owner, String name, String key, String reason, String message) {
    super(message);
    this.owner = owner;
    this.name = name;
    this.key = key;
    this.reason = reason;
  }

  /**
   * A compute's setting, with a reason that reads after the key: {@code ci:
   * idle_time_before_shutdown_minutes must be 15 to 4320, was 10}.
   */
  public static InvalidSettingException compute(String name, String key, String reason) {
    return new InvalidSettingException(
        Owner.COMPUTE, name, key, reason, name + ": " + key + " " + reason);
  }

  /**
   * A compute's setting, with a reason that is a sentence of its own: {@code ci: a compute instance
   * takes at most 4 schedules, was 5}.
   */
  public static InvalidSettingException computeSentence(String name, String key, String sentence) {
    return new InvalidSettingException(Owner.COMPUTE, name, key, sentence, name + ": " + sentence);
  }

  /**
   * A workload that cannot run on its compute, as a whole: {@code mpi on cpu: needs 5 nodes...}.
   */
  public static InvalidSettingException workload(String workload, String compute, String sentence) {
    return workload(workload, compute, "", sentence);
  }

  /**
   * A workload that cannot run on its compute because of its setting {@code key}: {@code jobs on
   * cpu: Standard_D4s_v3 has 16 GB of memory, not 32}, placed at {@code requires}.
   */
  public static InvalidSettingException workload(
      String workload, String compute, String key, String sentence) {
    return new InvalidSettingException(
        Owner.WORKLOAD, workload, key, sentence, workload + " on " + compute + ": " + sentence);
  }

  public Owner owner() {
    return owner;
  }

  public String name() {
    return name;
  }

  public String key() {
    return key;
  }

  public String reason() {
    return reason;
  }
}
