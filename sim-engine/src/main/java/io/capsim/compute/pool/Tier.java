package io.capsim.compute.pool;

/** A compute cluster's VM priority: pay-as-you-go dedicated nodes, or cheaper preemptible ones. */
public enum Tier {
  DEDICATED("dedicated"),
  LOW_PRIORITY("low_priority");

  private final String key;

  Tier(String key) {
    this.key = key;
  }

  /** The name Azure ML's YAML uses. */
  public String key() {
    return key;
  }
}
