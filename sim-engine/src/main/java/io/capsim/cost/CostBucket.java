package io.capsim.cost;

/** Where each dollar of a compute's bill goes; every dollar lands in exactly one bucket. */
public enum CostBucket {
  /** Nodes running work that was kept. */
  PRODUCTIVE("productive"),
  /** Nodes billed while provisioning or starting, before they can work. */
  PROVISIONING("provisioning"),
  /** Idle nodes above {@code min_instances}: the tail before scale-down or shutdown. */
  IDLE("idle"),
  /** Idle nodes kept only because of {@code min_instances}. */
  FLOOR("floor"),
  /** Work done, then lost to a preemption and redone. */
  LOST_WORK("lost_work"),
  /** A stopped compute instance's OS disk, public IP and load balancer. */
  STOPPED("stopped"),
  /** Standard load balancers in front of cluster nodes. */
  LB("lb");

  private final String key;

  CostBucket(String key) {
    this.key = key;
  }

  /** The name used in scenario outputs: {@code cost_<key>_usd}. */
  public String key() {
    return key;
  }
}
