package io.capsim.compute;

import io.capsim.catalog.VmSize;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The vCPU quotas all computes of a scenario share: one per VM family (series) for dedicated nodes
 * and one regional quota for low-priority nodes. A family without a stated quota is unlimited. When
 * vCPUs are released, computes waiting for quota are told, in the order they registered.
 */
public final class Quotas {
  private final Map<String, Integer> dedicatedVcpusByFamily;
  private final OptionalInt lowPriorityVcpus;
  private final Map<String, Integer> dedicatedInUse = new HashMap<>();
  private int lowPriorityInUse;
  private final List<Runnable> waiting = new ArrayList<>();

  public Quotas(Map<String, Integer> dedicatedVcpusByFamily, OptionalInt lowPriorityVcpus) {
    this.dedicatedVcpusByFamily = Map.copyOf(dedicatedVcpusByFamily);
    this.lowPriorityVcpus = lowPriorityVcpus;
  }

  /** No quota anywhere. */
  public static Quotas unlimited() {
    return new Quotas(Map.of(), OptionalInt.empty());
  }

  /** The vCPU limit that applies to {@code family} at {@code tier}, if any. */
  public OptionalInt limit(String family, Tier tier) {
    if (tier == Tier.LOW_PRIORITY) {
      return lowPriorityVcpus;
    }
    Integer limit = dedicatedVcpusByFamily.get(family);
    return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /** Why {@code instanceCount} nodes of {@code size} can never exist at once under the quota. */
  public Optional<String> whyCannotFit(VmSize size, Tier tier, int instanceCount) {
    OptionalInt quota = limit(size.series(), tier);
    long vcpus = (long) instanceCount * size.vcpus();
    if (quota.isPresent() && vcpus > quota.getAsInt()) {
      return Optional.of(
          String.format(
              "needs %d x %d = %d vCPUs of %s %s but the quota is %d",
              instanceCount, size.vcpus(), vcpus, size.series(), tier.key(), quota.getAsInt()));
    }
    return Optional.empty();
  }

  /** Takes {@code vcpus} of quota if that many are free, and says whether it did. */
  public boolean tryAcquire(String family, Tier tier, int vcpus) {
    OptionalInt limit = limit(family, tier);
    int inUse = inUse(family, tier);
    if (limit.isPresent() && inUse + vcpus > limit.getAsInt()) {
      return false;
    }
    if (tier == Tier.LOW_PRIORITY) {
      lowPriorityInUse += vcpus;
    } else {
      dedicatedInUse.merge(family, vcpus, Integer::sum);
    }
    return true;
  }

  /** Returns {@code vcpus} of quota and tells the computes waiting for some. */
  public void release(String family, Tier tier, int vcpus) {
    if (tier == Tier.LOW_PRIORITY) {
      lowPriorityInUse -= vcpus;
    } else {
      dedicatedInUse.merge(family, -vcpus, Integer::sum);
    }
    if (inUse(family, tier) < 0) {
      throw new IllegalStateException("released more " + family + " vCPUs than were acquired");
    }
    for (Runnable listener : List.copyOf(waiting)) {
      listener.run();
    }
  }

  /** Registers {@code onFreed} to run whenever quota is released. */
  public void onRelease(Runnable onFreed) {
    waiting.add(onFreed);
  }

  public int inUse(String family, Tier tier) {
    return tier == Tier.LOW_PRIORITY ? lowPriorityInUse : dedicatedInUse.getOrDefault(family, 0);
  }
}
