package io.capsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What a workload requires of a node, against the catalog's real sizes. */
class RequirementsTest {
  private static final Catalog CATALOG = Catalog.builtin();

  private static Requirements memory(double gb) {
    return new Requirements(OptionalDouble.of(gb), OptionalDouble.empty(), OptionalInt.empty());
  }

  private static Requirements gpuMemory(double gb) {
    return new Requirements(OptionalDouble.empty(), OptionalDouble.of(gb), OptionalInt.empty());
  }

  private static Requirements gpus(int count) {
    return new Requirements(OptionalDouble.empty(), OptionalDouble.empty(), OptionalInt.of(count));
  }

  @Test
  void memory_isTheNodesAtLeast() {
    VmSize d4 = CATALOG.size("Standard_D4s_v3"); // 16 GiB
    assertThat(memory(16).unmetBy(d4)).isEmpty();
    assertThat(memory(16.5).unmetBy(d4)).contains("Standard_D4s_v3 has 16 GB of memory, not 16.5");
    assertThat(memory(32).unmetBy(CATALOG.size("Standard_E4s_v3"))).isEmpty();
  }

  @Test
  void gpus_andTheirMemory_eachShortfallNamed() {
    VmSize d4 = CATALOG.size("Standard_D4s_v3");
    Requirements both =
        new Requirements(OptionalDouble.of(64), OptionalDouble.of(16), OptionalInt.of(1));
    assertThat(both.unmetBy(d4))
        .contains(
            "Standard_D4s_v3 has 16 GB of memory, not 64 and 0 GPUs, not 1 and no GPUs, so no GPU"
                + " memory");
    VmSize a100 = CATALOG.size("Standard_NC24ads_A100_v4"); // one A100 80GB PCIe
    assertThat(gpuMemory(80).unmetBy(a100)).isEmpty();
    assertThat(gpuMemory(81).unmetBy(a100))
        .contains("Standard_NC24ads_A100_v4 has 80 GB on each GPU, not 81");
    assertThat(gpus(1).unmetBy(a100)).isEmpty();
    assertThat(gpus(2).unmetBy(a100)).contains("Standard_NC24ads_A100_v4 has 1 GPUs, not 2");
    assertThat(Requirements.none().unmetBy(d4)).isEmpty();
  }

  @Test
  void aShareOfAGpu_hasThatShareOfItsMemory() {
    VmSize sixth = CATALOG.size("Standard_NV6ads_A10_v5"); // 1/6 of a 24 GB A10
    assertThat(sixth.gpuMemoryGbPerGpu()).isCloseTo(0.167 * 24, within(1e-9));
    assertThat(gpuMemory(4).unmetBy(sixth)).isEmpty();
    assertThat(gpuMemory(5).unmetBy(sixth)).isPresent();
    assertThat(CATALOG.size("Standard_NC4as_T4_v3").gpuMemoryGbPerGpu()).isEqualTo(16);
  }

  @Test
  void eachGpuModelsMemory_isWhatMicrosoftsSeriesPagesGive() {
    // ../shared/data/perf/azure-gpu-series.csv; H200 and MI25 from their makers' datasheets.
    assertThat(GpuModel.V100.memoryGb()).isEqualTo(16);
    assertThat(GpuModel.V100_32GB.memoryGb()).isEqualTo(32);
    assertThat(GpuModel.T4.memoryGb()).isEqualTo(16);
    assertThat(GpuModel.M60.memoryGb()).isEqualTo(8);
    assertThat(GpuModel.A10.memoryGb()).isEqualTo(24);
    assertThat(GpuModel.A100_40GB.memoryGb()).isEqualTo(40);
    assertThat(GpuModel.A100_80GB_PCIE.memoryGb()).isEqualTo(80);
    assertThat(GpuModel.A100_80GB_SXM4.memoryGb()).isEqualTo(80);
    assertThat(GpuModel.H100_NVL.memoryGb()).isEqualTo(94);
    assertThat(GpuModel.H100_SXM5.memoryGb()).isEqualTo(80);
    assertThat(GpuModel.H200.memoryGb()).isEqualTo(141);
    assertThat(GpuModel.MI25.memoryGb()).isEqualTo(16);
    assertThat(GpuModel.MI300X.memoryGb()).isEqualTo(192);
  }
}
