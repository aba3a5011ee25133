package io.capsim.catalog;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One Azure VM size: its shape and relative speed. Prices vary by region and live in {@link
 * Catalog}.
 *
 * @param name the ARM name, e.g. {@code Standard_NC24ads_A100_v4}
 * @param series the series the size belongs to, e.g. {@code NCads_A100_v4}; also its quota family
 * @param gpus GPUs per VM; fractional for partitioned GPUs (1/6 of an A10)
 * @param acuPerVcpu Azure Compute Units per vCPU (Standard_A1 = 100), when known or assumed
 * @param acuBasis where {@code acuPerVcpu} comes from: published, assumed from a named series, or
 *     none
 * @param speedPerGpu training speed of one GPU relative to a V100 16GB: the GPU model's unless
 *     overridden for this size
 * @param gpuSpeedBasis where {@code speedPerGpu} comes from
 */
public record VmSize(
    String name,
    String series,
    int vcpus,
    double memoryGib,
    double gpus,
    Optional<GpuModel> gpuModel,
    OptionalDouble acuPerVcpu,
    String acuBasis,
    double speedPerGpu,
    String gpuSpeedBasis) {

  /** A size whose GPU speed is its GPU model's. */
  public VmSize(
      String name,
      String series,
      int vcpus,
      double memoryGib,
      double gpus,
      Optional<GpuModel> gpuModel,
      OptionalDouble acuPerVcpu,
      String acuBasis) {
    this(
        name,
        series,
        vcpus,
        memoryGib,
        gpus,
        gpuModel,
        acuPerVcpu,
        acuBasis,
        gpuModel.map(GpuModel::relativeSpeed).orElse(0.0),
        gpuModel.map(GpuModel::speedBasis).orElse("no GPUs"));
  }

  public boolean hasGpus() {
    return gpus > 0 && gpuModel.isPresent();
  }

  /** Total GPU training throughput of one VM, in V100 16GB equivalents; 0 without GPUs. */
  public double gpuSpeed() {
    return hasGpus() ? gpus * speedPerGpu : 0.0;
  }

  /** This size with its CPU speed set by the user, for series Azure published no ACU for. */
  public VmSize withAcuPerVcpu(double acu, String basis) {
    return new VmSize(
        name,
        series,
        vcpus,
        memoryGib,
        gpus,
        gpuModel,
        OptionalDouble.of(acu),
        basis,
        speedPerGpu,
        gpuSpeedBasis);
  }

  /** This size with the speed of each GPU set by the user, relative to a V100 16GB. */
  public VmSize withSpeedPerGpu(double speed, String basis) {
    return new VmSize(
        name, series, vcpus, memoryGib, gpus, gpuModel, acuPerVcpu, acuBasis, speed, basis);
  }

  /**
   * The memory of each of the size's GPUs, in GB: its GPU model's, or that share of it on a size
   * with part of a GPU; 0 without GPUs.
   */
  public double gpuMemoryGbPerGpu() {
    return gpuModel.map(m -> m.memoryGb() * Math.min(1, gpus)).orElse(0.0);
  }
}
