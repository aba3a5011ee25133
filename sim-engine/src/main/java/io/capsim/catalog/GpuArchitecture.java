package io.capsim.catalog;

/**
 * GPU architectures and the oldest CUDA release that supports each. Kepler to Ampere are the rules
 * of Azure's GPU documentation (Ampere 11.0+, Turing 10.0+, Volta/Pascal/Maxwell/Kepler 9.0+);
 * Hopper's 11.8 is NVIDIA's (the first CUDA with sm_90). AMD Instinct GPUs do not run CUDA.
 */
public enum GpuArchitecture {
  KEPLER(9.0),
  MAXWELL(9.0),
  PASCAL(9.0),
  VOLTA(9.0),
  TURING(10.0),
  AMPERE(11.0),
  HOPPER(11.8),
  AMD_CDNA(Double.NaN);

  private final double minimumCuda;

  GpuArchitecture(double minimumCuda) {
    this.minimumCuda = minimumCuda;
  }

  public boolean runsCuda() {
    return !Double.isNaN(minimumCuda);
  }

  /** The oldest CUDA version that supports this architecture; NaN where CUDA does not run. */
  public double minimumCuda() {
    return minimumCuda;
  }

  /** Display name, as people write it: "Ampere". */
  public String displayName() {
    return this == AMD_CDNA
        ? "AMD CDNA"
        : name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
  }
}
