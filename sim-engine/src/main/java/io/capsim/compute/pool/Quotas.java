package io.capsim.compute.pool;

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

  /** vCPUs in use per family, one mutable cell each, so acquiring and releasing box nothing. */
  private final Map<String, int[]> dedicatedInUse = new HashMap<>();

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

  /** Why {@code instanceCount} nodes of {@code size} can never exist at once under the quota. */
  public Optional<String> whyCannotFit(VmSize size, Tier tier, int instanceCount) {
    long quota = limitVcpus(size.series(), tier);
    long vcpus = (long) instanceCount * size.vcpus();
    if (vcpus > quota) {
      return Optional.of(
          String.format(
              "needs %d x %d = %d vCPUs of %s %s but the quota is %d",
              instanceCount, size.vcpus(), vcpus, size.series(), tier.key(), quota));
    }
    return Optional.empty();
  }

  /** Takes {@code vcpus} of quota if that many are free, and says whether it did. */
  public boolean tryAcquire(String family, Tier tier, int vcpus) {
    long limit = limitVcpus(family, tier);
    if ((long) inUse(family, tier) + vcpus > limit) {
      return false;
    }
    if (tier == Tier.LOW_PRIORITY) {
      lowPriorityInUse += vcpus;
    } else {
      dedicatedCell(family)[0] += vcpus;
    }
    return true;
  }

  /**
   * The vCPU limit that applies to {@code family} at {@code tier}; {@code Long.MAX_VALUE} when none
   * does. Allocates nothing.
   */
  private long limitVcpus(String family, Tier tier) {
    if (tier == Tier.LOW_PRIORITY) {
      return lowPriorityVcpus.isPresent() ? lowPriorityVcpus.getAsInt() : Long.MAX_VALUE;
    }
    Integer limit = dedicatedVcpusByFamily.get(family);
    return limit == null ? Long.MAX_VALUE : limit;
  }

  private int[] dedicatedCell(String family) {
    return dedicatedInUse.computeIfAbsent(family, f -> new int[1]);
  }

  /** Returns {@code vcpus} of quota and tells the computes waiting for some. */
  public void release(String family, Tier tier, int vcpus) {
    if (tier == Tier.LOW_PRIORITY) {
      lowPriorityInUse -= vcpus;
    } else {
      dedicatedCell(family)[0] -= vcpus;
    }
    if (inUse(family, tier) < 0) {
      throw new IllegalStateException("released more " + family + " vCPUs than were acquired");
    }
    // By index: listeners are registered as computes are built, never while one runs.
    for (int i = 0; i < waiting.size(); i++) {
      waiting.get(i).run();
    }
  }

  /** Registers {@code onFreed} to run whenever quota is released. */
  public void onRelease(Runnable onFreed) {
    waiting.add(onFreed);
  }

  public int inUse(String family, Tier tier) {
    if (tier == Tier.LOW_PRIORITY) {
      return lowPriorityInUse;
    }
    int[] cell = dedicatedInUse.get(family);
    return cell == null ? 0 : cell[0];
  }
}
