package io.capsim.scenario;

import io.capsim.compute.JobCompute;
import io.capsim.compute.Pricing;
import io.capsim.compute.cluster.AttachedPool;
import io.capsim.compute.cluster.AttachedSpec;
import io.capsim.compute.cluster.ClusterSpec;
import io.capsim.compute.cluster.ComputeCluster;
import io.capsim.compute.instance.ComputeInstance;
import io.capsim.compute.instance.InstanceSpec;
import io.capsim.compute.pool.Quotas;
import io.capsim.compute.pool.Tier;
import io.capsim.compute.serverless.ServerlessCompute;
import io.capsim.compute.serverless.ServerlessSpec;
import io.capsim.engine.Simulation;
import io.capsim.scenario.yaml.YamlNode;
import java.time.Instant;

/** One compute of a scenario at one sweep point, ready to be built into a run. */
public sealed interface ComputeDef {
  String name();

  /** Azure ML's {@code type}: amlcompute, computeinstance, serverless, virtualmachine... */
  String type();

  /** Where the compute stands in the scenario file, for messages about it. */
  YamlNode node();

  /** The VM size its nodes run on. */
  String size();

  /** Which price its nodes pay; dedicated unless the kind has a tier. */
  default Tier tier() {
    return Tier.DEDICATED;
  }

  /** The key that names the size in the scenario file. */
  default String sizeKey() {
    return "size";
  }

  /**
   * Hands this compute to the method of {@code visitor} for its kind: a new kind of compute adds a
   * method here, and the compiler then names every consumer that must handle it.
   */
  <R> R accept(Visitor<R> visitor);

  /** What a consumer does with each kind of compute. */
  interface Visitor<R> {
    R cluster(Cluster cluster);

    R instance(Instance instance);

    R serverless(Serverless serverless);

    R attached(Attached attached);
  }

  /** The compute at this point, priced by {@code pricing}, its nodes under {@code quotas}. */
  JobCompute build(Simulation simulation, Pricing pricing, Quotas quotas, Instant epoch);

  record Cluster(ClusterSpec spec, YamlNode node) implements ComputeDef {
    @Override
    public String name() {
      return spec.name();
    }

    @Override
    public String type() {
      return "amlcompute";
    }

    @Override
    public Tier tier() {
      return spec.tier();
    }

    @Override
    public String size() {
      return spec.size();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.cluster(this);
    }

    @Override
    public JobCompute build(Simulation simulation, Pricing pricing, Quotas quotas, Instant epoch) {
      return new ComputeCluster(simulation, spec, pricing, quotas);
    }
  }

  record Instance(InstanceSpec spec, YamlNode node) implements ComputeDef {
    @Override
    public String name() {
      return spec.name();
    }

    @Override
    public String type() {
      return "computeinstance";
    }

    @Override
    public String size() {
      return spec.size();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.instance(this);
    }

    @Override
    public JobCompute build(Simulation simulation, Pricing pricing, Quotas quotas, Instant epoch) {
      return new ComputeInstance(simulation, spec, pricing, epoch);
    }
  }

  record Serverless(ServerlessSpec spec, YamlNode node) implements ComputeDef {
    @Override
    public String name() {
      return spec.name();
    }

    @Override
    public String type() {
      return "serverless";
    }

    @Override
    public String size() {
      return spec.instanceType();
    }

    @Override
    public String sizeKey() {
      return "instance_type";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.serverless(this);
    }

    @Override
    public JobCompute build(Simulation simulation, Pricing pricing, Quotas quotas, Instant epoch) {
      return new ServerlessCompute(simulation, spec, pricing, quotas);
    }
  }

  record Attached(AttachedSpec spec, YamlNode node) implements ComputeDef {
    @Override
    public String name() {
      return spec.name();
    }

    @Override
    public String type() {
      return spec.kind().key();
    }

    @Override
    public String size() {
      return spec.size();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.attached(this);
    }

    @Override
    public JobCompute build(Simulation simulation, Pricing pricing, Quotas quotas, Instant epoch) {
      return AttachedPool.create(simulation, spec, pricing);
    }
  }
}
