package io.capsim.catalog;

import java.util.Locale;
import java.util.Optional;

/** Whether a workload that states its CUDA version can run on a size's GPUs. */
public final class CudaCheck {
  private CudaCheck() {}

  /**
   * The problem with running CUDA {@code cudaVersion} (e.g. {@code "11.8"}) on {@code size}, if
   * any: a size without GPUs, an AMD GPU, or a CUDA older than the architecture needs.
   */
  public static Optional<String> problem(VmSize size, String cudaVersion) {
    double cuda = parse(cudaVersion);
    if (!size.hasGpus()) {
      return Optional.of(size.name() + " has no GPUs, so it cannot run CUDA " + cudaVersion);
    }
    GpuModel model = size.gpuModel().orElseThrow();
    GpuArchitecture architecture = model.architecture();
    if (!architecture.runsCuda()) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%s has %s GPUs (%s), which do not run CUDA",
              size.name(),
              model.catalogName(),
              architecture.displayName()));
    }
    if (cuda + 1e-9 < architecture.minimumCuda()) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%s has %s GPUs (%s), which need CUDA %.1f or later, not %s",
              size.name(),
              model.catalogName(),
              architecture.displayName(),
              architecture.minimumCuda(),
              cudaVersion));
    }
    return Optional.empty();
  }

  /**
   * The version as a number ({@code "11.8"} is 11.8), for the scenario parser to refuse a malformed
   * one at its key before any model is built.
   *
   * @throws IllegalArgumentException saying what a version looks like
   */
  public static double parse(String cudaVersion) {
    String[] parts = cudaVersion.trim().split("\\.", -1);
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      if (parts.length > 3 || minor > 9 || major < 1) {
        throw new NumberFormatException();
      }
      return major + minor / 10.0;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "a CUDA version looks like 11.8 or 12.1, was \"" + cudaVersion + "\"", e);
    }
  }
}
