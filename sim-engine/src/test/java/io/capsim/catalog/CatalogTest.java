package io.capsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The built-in catalog holds every size and region of the source data with the source's prices, and
 * refuses unknown, misspelt and retired names with a useful message.
 */
class CatalogTest {
  private final Catalog catalog = Catalog.builtin();

  @Test
  void builtin_holdsEverySizeAndRegionOfTheSource() {
    assertThat(catalog.sizes()).hasSize(1432);
    assertThat(catalog.regions()).hasSize(58).contains("eastus", "westeurope", "swedencentral");
  }

  @Test
  void price_isTheSourceRow() {
    // vms.csv: Standard_NC24ads_A100_v4,A100-80GB,1,24,220,A100-80GB,3.673,0.746721,eastus,V2
    VmPrice price = catalog.price("Standard_NC24ads_A100_v4", "eastus");
    assertThat(price.payAsYouGoUsdPerHour()).isEqualTo(3.673);
    assertThat(price.spotUsdPerHour()).hasValue(0.746721);
    VmSize size = catalog.size("Standard_NC24ads_A100_v4");
    assertThat(size.vcpus()).isEqualTo(24);
    assertThat(size.memoryGib()).isEqualTo(220.0);
    assertThat(size.gpus()).isEqualTo(1.0);
    assertThat(size.gpuModel()).contains(GpuModel.A100_80GB_PCIE);
    assertThat(size.series()).isEqualTo("NCads_A100_v4");
  }

  @Test
  void size_cpuSpeed_isPublishedOrVisiblyAssumed() {
    assertThat(catalog.size("Standard_D4s_v3").acuPerVcpu()).hasValue(175.0);
    assertThat(catalog.size("Standard_D4s_v3").acuBasis()).startsWith("published");
    assertThat(catalog.size("Standard_D4s_v5").acuPerVcpu()).hasValue(202.5);
    assertThat(catalog.size("Standard_D4s_v5").acuBasis())
        .isEqualTo("assumed: none published for Dsv5; nearest series Dsv4");
    assertThat(catalog.size("Standard_B2s").acuPerVcpu()).isEmpty();
  }

  @Test
  void size_gpuSpeed_isGpusTimesModelSpeed() {
    assertThat(catalog.size("Standard_ND96isr_H100_v5").gpuSpeed()).isEqualTo(8 * 4.77);
    assertThat(catalog.size("Standard_NC24s_v3").gpuSpeed()).isEqualTo(4 * 1.0);
    assertThat(catalog.size("Standard_D4s_v3").gpuSpeed()).isZero();
    assertThat(catalog.size("Standard_NC4as_T4_v3").gpuSpeedBasis()).startsWith("assumed");
    VmSize measured = catalog.size("Standard_NC4as_T4_v3").withSpeedPerGpu(0.35, "user: MLPerf");
    assertThat(catalog.withSize(measured).size("Standard_NC4as_T4_v3").gpuSpeed()).isEqualTo(0.35);
  }

  @Test
  void size_misspelt_namesTheClosest() {
    assertThatThrownBy(() -> catalog.size("Standard_NC24ads_A100_v5"))
        .isInstanceOf(CatalogException.class)
        .hasMessageStartingWith("unknown VM size \"Standard_NC24ads_A100_v5\"; did you mean ")
        .hasMessageContaining("Standard_NC24ads_A100_v4");
    assertThatThrownBy(() -> catalog.size("NC24ads_A100_v4"))
        .hasMessage("unknown VM size \"NC24ads_A100_v4\"; did you mean Standard_NC24ads_A100_v4?");
  }

  @Test
  void size_retiredSeries_isRefusedWithItsDate() {
    assertThatThrownBy(() -> catalog.size("Standard_NC6"))
        .hasMessage("Standard_NC6: the NC series was retired on 2023-08-31");
    assertThatThrownBy(() -> catalog.size("Standard_NC24s_v2"))
        .hasMessage("Standard_NC24s_v2: the NCv2 series was retired on 2023-08-31");
    assertThatThrownBy(() -> catalog.size("Standard_ND24rs"))
        .hasMessage("Standard_ND24rs: the ND series was retired on 2023-08-31");
    assertThatThrownBy(() -> catalog.size("Standard_NV12"))
        .hasMessage("Standard_NV12: the NV series was retired on 2023-08-31");
    assertThatThrownBy(() -> catalog.size("Standard_A4"))
        .hasMessage("Standard_A4: the Av1 series was retired on 2024-08-31");
    assertThatThrownBy(() -> catalog.size("Standard_HB60rs"))
        .hasMessage("Standard_HB60rs: the HB series was retired on 2024-08-31");
    assertThat(catalog.size("Standard_A4_v2").name()).isEqualTo("Standard_A4_v2");
  }

  @Test
  void price_unknownRegion_namesTheClosest() {
    assertThatThrownBy(() -> catalog.price("Standard_D4s_v3", "eastu"))
        .hasMessageStartingWith("unknown region \"eastu\"; did you mean eastus");
  }

  @Test
  void cuda_isCheckedAgainstTheArchitecture() {
    assertThat(CudaCheck.problem(catalog.size("Standard_NC24ads_A100_v4"), "10.2"))
        .contains(
            "Standard_NC24ads_A100_v4 has A100-80GB-PCIe GPUs (Ampere), which need CUDA 11.0 or"
                + " later, not 10.2");
    assertThat(CudaCheck.problem(catalog.size("Standard_NC24ads_A100_v4"), "11.0")).isEmpty();
    assertThat(CudaCheck.problem(catalog.size("Standard_NC4as_T4_v3"), "9.2"))
        .contains(
            "Standard_NC4as_T4_v3 has T4 GPUs (Turing), which need CUDA 10.0 or later, not 9.2");
    assertThat(CudaCheck.problem(catalog.size("Standard_NC24s_v3"), "9.0")).isEmpty();
    assertThat(CudaCheck.problem(catalog.size("Standard_D4s_v3"), "12.1"))
        .contains("Standard_D4s_v3 has no GPUs, so it cannot run CUDA 12.1");
    assertThat(CudaCheck.problem(catalog.size("Standard_ND96isr_MI300X_v5"), "12.1"))
        .contains("Standard_ND96isr_MI300X_v5 has MI300X GPUs (AMD CDNA), which do not run CUDA");
  }
}
