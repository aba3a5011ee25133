package io.capsim.workload;

import io.capsim.catalog.CatalogException;
import io.capsim.catalog.VmSize;
import java.util.Locale;

/** What bounds a job's speed, and so how its duration scales from its reference size to another. */
public enum Speedup {
  /** Total GPU throughput of the node: GPUs times per-GPU speed. */
  GPU,
  /** vCPUs times per-vCPU speed (Azure Compute Units). */
  CPU,
  /** The duration is the same on every size. */
  NONE;

  /**
   * The factor to multiply a duration measured on {@code reference} by to get it on {@code target}:
   * {@code speed(reference) / speed(target)}.
   *
   * @throws CatalogException when a size lacks the speed this needs
   */
  public double durationFactor(VmSize reference, VmSize target) {
    if (this == NONE) {
      return 1.0;
    }
    if (this == CPU && reference.name().equals(target.name())) {
      return 1.0; // measured on this very size: no speed is needed, known or not
    }
    return speed(reference, target, reference) / speed(target, target, reference);
  }

  private double speed(VmSize size, VmSize target, VmSize reference) {
    if (this == GPU) {
      if (!size.hasGpus()) {
        throw new CatalogException(size.name() + " has no GPUs, so it cannot run a GPU workload");
      }
      return size.gpuSpeed();
    }
    double acu =
        size.acuPerVcpu()
            .orElseThrow(
                () ->
                    new CatalogException(
                        size.name()
                            + " has no published CPU speed (Azure Compute Units), so speedup: cpu"
                            + " cannot scale durations measured on "
                            + reference.name()
                            + " to "
                            + target.name()
                            + "; measure them on "
                            + target.name()
                            + " and make it the reference_size, leave it out, or use speedup:"
                            + " none if jobs take as long on every size"));
    return size.vcpus() * acu;
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
