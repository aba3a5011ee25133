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

  /** One account per family for dedicated nodes, made on first use; one for low priority. */
  private final Map<String, Account> dedicatedByFamily = new HashMap<>();

  private final Account lowPriority;
  private final List<Runnable> waiting = new ArrayList<>();

  public Quotas(Map<String, Integer> dedicatedVcpusByFamily, OptionalInt lowPriorityVcpus) {
    this.dedicatedVcpusByFamily = Map.copyOf(dedicatedVcpusByFamily);
    this.lowPriority =
        new Account(
            "low-priority",
            lowPriorityVcpus.isPresent() ? lowPriorityVcpus.getAsInt() : Long.MAX_VALUE);
  }

  /** No quota anywhere. */
  public static Quotas unlimited() {
    return new Quotas(Map.of(), OptionalInt.empty());
  }

  /**
   * The quota {@code family}'s nodes at {@code tier} draw on: the family's for dedicated nodes, the
   * regional one for low priority. A pool looks it up once, so acquiring allocates and looks up
   * nothing.
   */
  public Account account(String family, Tier tier) {
    if (tier == Tier.LOW_PRIORITY) {
      return lowPriority;
    }
    return dedicatedByFamily.computeIfAbsent(
        family,
        f -> {
          Integer limit = dedicatedVcpusByFamily.get(f);
          return new Account(
              f + " " + Tier.DEDICATED.key(), limit == null ? Long.MAX_VALUE : limit);
        });
  }

  /** Why {@code instanceCount} nodes of {@code size} can never exist at once under the quota. */
  public Optional<String> whyCannotFit(VmSize size, Tier tier, int instanceCount) {
    long quota = account(size.series(), tier).limitVcpus;
    long vcpus = (long) instanceCount * size.vcpus();
    if (vcpus > quota) {
      return Optional.of(
          String.format(
              "needs %d x %d = %d vCPUs of %s %s but the quota is %d",
              instanceCount, size.vcpus(), vcpus, size.series(), tier.key(), quota));
    }
    return Optional.empty();
  }

  public int inUse(String family, Tier tier) {
    return account(family, tier).inUseVcpus;
  }

  /** Registers {@code onFreed} to run whenever quota is released. */
  public void onRelease(Runnable onFreed) {
    waiting.add(onFreed);
  }

  /** The vCPUs one quota allows and those in use under it. */
  public final class Account {
    private final String name;
    private final long limitVcpus;
    private int inUseVcpus;

    private Account(String name, long limitVcpus) {
      this.name = name;
      this.limitVcpus = limitVcpus;
    }

    /** Takes {@code vcpus} of this quota if that many are free, and says whether it did. */
    public boolean tryAcquire(int vcpus) {
      if ((long) inUseVcpus + vcpus > limitVcpus) {
        return false;
      }
      inUseVcpus += vcpus;
      return true;
    }

    /** Returns {@code vcpus} of this quota and tells the computes waiting for some. */
    public void release(int vcpus) {
      if (vcpus > inUseVcpus) {
        throw new IllegalStateException("released more " + name + " vCPUs than were acquired");
      }
      inUseVcpus -= vcpus;
      // By index: listeners are registered as computes are built, never while one runs.
      for (int i = 0; i < waiting.size(); i++) {
        waiting.get(i).run();
      }
    }
  }
}
