package io.capsim.compute.cluster;

import io.capsim.compute.Pricing;
import io.capsim.compute.pool.Preemption;
import io.capsim.compute.pool.Quotas;
import io.capsim.compute.pool.Tier;
import io.capsim.engine.Simulation;
import io.capsim.engine.random.Distribution;

/**
 * Builds an attached pool: it behaves as a cluster whose nodes all exist, ready, from the start and
 * are never released, so idle time is billed as its floor. Azure ML bills no load balancer and
 * charges no quota for nodes the user brings.
 */
public final class AttachedPool {
  private AttachedPool() {}

  public static ComputeCluster create(Simulation simulation, AttachedSpec spec, Pricing pricing) {
    ClusterSpec asCluster =
        new ClusterSpec(
            spec.name(),
            spec.size(),
            Tier.DEDICATED,
            spec.nodes(),
            spec.nodes(),
            ClusterSpec.DEFAULT_IDLE_TIME_BEFORE_SCALE_DOWN_SECONDS,
            Distribution.constant(0),
            0,
            Preemption.none(),
            0);
    return new ComputeCluster(simulation, asCluster, pricing, Quotas.unlimited());
  }
}
