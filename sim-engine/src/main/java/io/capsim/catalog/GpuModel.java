package io.capsim.catalog;

import java.util.Locale;

/**
 * The GPU models of Azure's GPU sizes, with their training speed relative to one NVIDIA V100 16GB.
 *
 * <p>Measured speeds are the geometric mean of Lambda Labs' mixed-precision PyTorch training
 * throughput over nine models (ResNet-50, SSD, BERT base and large, GNMT, Transformer-XL base and
 * large, Tacotron2, WaveGlow; {@code lambdal/deeplearning-benchmark@aa5addb6}, CUDA 11.8), as
 * computed in the shared data's {@code perf/SOURCES.md}. Where no measurement exists the speed is a
 * stated assumption, visible in {@link #speedBasis()} and overridable per size.
 */
public enum GpuModel {
  V100("V100", GpuArchitecture.VOLTA, 16, 1.0, "measured: the baseline (V100 16GB SXM2)"),
  V100_32GB("V100-32GB", GpuArchitecture.VOLTA, 32, 1.0, "assumed: same chip as the V100 16GB"),
  T4(
      "T4",
      GpuArchitecture.TURING,
      16,
      0.52,
      "assumed: datasheet peak FP16 tensor ratio, 65 / 125 TFLOPS; no training measurement"),
  M60(
      "M60",
      GpuArchitecture.MAXWELL,
      8,
      0.04,
      "assumed: datasheet FP32 of half a board (4.8 TFLOPS, no tensor cores) / V100 125 TFLOPS FP16"),
  A10("A10", GpuArchitecture.AMPERE, 24, 0.92, "measured: Lambda geometric mean"),
  A100_40GB(
      "A100",
      GpuArchitecture.AMPERE,
      40,
      2.29,
      "assumed: the A100 40GB PCIe measurement (2.29) for the SXM4 part of ND A100 v4"),
  A100_80GB_PCIE(
      "A100-80GB-PCIe", GpuArchitecture.AMPERE, 80, 2.71, "measured: Lambda geometric mean"),
  A100_80GB_SXM4(
      "A100-80GB-SXM4", GpuArchitecture.AMPERE, 80, 2.85, "measured: Lambda geometric mean"),
  H100_NVL(
      "H100-NVL",
      GpuArchitecture.HOPPER,
      94,
      3.46,
      "assumed: the H100 80GB PCIe measurement (3.46); the NVL part has no benchmark"),
  H100_SXM5("H100-SXM5", GpuArchitecture.HOPPER, 80, 4.77, "measured: Lambda geometric mean"),
  H200("H200", GpuArchitecture.HOPPER, 141, 4.77, "assumed: the H100 SXM5 figure (same compute)"),
  MI25(
      "MI25",
      GpuArchitecture.AMD_CDNA,
      16,
      0.20,
      "assumed: datasheet peak FP16 ratio, 24.6 / 125 TFLOPS; no training measurement"),
  MI300X(
      "MI300X",
      GpuArchitecture.AMD_CDNA,
      192,
      4.71,
      "assumed: H100 SXM5 x 27.93 / 28.27 min, MLPerf llama2-70b LoRA time-to-train across rounds");

  private final String catalogName;
  private final GpuArchitecture architecture;
  private final double memoryGb;
  private final double relativeSpeed;
  private final String speedBasis;

  GpuModel(
      String catalogName,
      GpuArchitecture architecture,
      double memoryGb,
      double relativeSpeed,
      String speedBasis) {
    this.catalogName = catalogName;
    this.architecture = architecture;
    this.memoryGb = memoryGb;
    this.relativeSpeed = relativeSpeed;
    this.speedBasis = speedBasis;
  }

  /** The model as the built-in catalog's {@code gpu_model} column spells it. */
  public String catalogName() {
    return catalogName;
  }

  public GpuArchitecture architecture() {
    return architecture;
  }

  /**
   * The memory of one GPU as Azure counts GPUs, in GB (an M60 "GPU" is half a board, 8 GB).
   * Microsoft's GPU series pages, as gathered in the shared data's {@code
   * perf/azure-gpu-series.csv}; the H200 (141 GB) and the MI25 (16 GB), which that file does not
   * cover, from NVIDIA's and AMD's datasheets.
   */
  public double memoryGb() {
    return memoryGb;
  }

  /** Training throughput of one GPU relative to one V100 16GB. */
  public double relativeSpeed() {
    return relativeSpeed;
  }

  /** Whether {@link #relativeSpeed()} was measured or assumed, and from what. */
  public String speedBasis() {
    return speedBasis;
  }

  /** The model the catalog calls {@code name}. */
  public static GpuModel fromCatalogName(String name) {
    for (GpuModel model : values()) {
      if (model.catalogName.equals(name)) {
        return model;
      }
    }
    throw new IllegalArgumentException(
        String.format(Locale.ROOT, "unknown GPU model \"%s\" in the catalog", name));
  }
}
