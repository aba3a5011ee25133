package io.capsim.compute;

/** What happens to a job whose node is preempted: Azure ML resubmits it by default. */
public enum OnPreemption {
  RESUBMIT("resubmit"),
  FAIL("fail");

  private final String key;

  OnPreemption(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }
}
