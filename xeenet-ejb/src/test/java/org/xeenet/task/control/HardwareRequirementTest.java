package org.xeenet.task.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xeenet.api.ResourceProfile;

class HardwareRequirementTest {
  private static ResourceProfile machine(Integer cores, Double ram, String gpu, Double vram) {
    return new ResourceProfile(cores, ram, gpu, vram, "Linux", "amd64", null);
  }

  @Test
  void noRequirementIsMetByAnyone() {
    assertThat(HardwareRequirement.of(null).isNone()).isTrue();
    assertThat(HardwareRequirement.NONE.isMetBy(null)).isTrue();
    assertThat(HardwareRequirement.NONE.asProfile()).isNull();
  }

  @Test
  void coresAndRamAreMinimums() {
    HardwareRequirement need = HardwareRequirement.of(machine(4, 8.0, null, null));
    assertThat(need.isMetBy(machine(4, 8.0, null, null))).isTrue();
    assertThat(need.isMetBy(machine(16, 64.0, "RTX", 8.0))).isTrue();
    assertThat(need.isMetBy(machine(2, 64.0, null, null))).isFalse();
    assertThat(need.isMetBy(machine(8, 4.0, null, null))).isFalse();
    assertThat(need.isMetBy(machine(null, 64.0, null, null))).as("unknown cores").isFalse();
  }

  @Test
  void aGpuNameOrVramAsksForAGpu() {
    HardwareRequirement anyGpu = HardwareRequirement.of(machine(null, null, "whatever", null));
    assertThat(anyGpu.needsGpu()).isTrue();
    assertThat(anyGpu.isMetBy(machine(2, 8.0, null, null))).isFalse();
    assertThat(anyGpu.isMetBy(machine(2, 8.0, "GTX 1060", 6.0))).isTrue();
    HardwareRequirement bigGpu = HardwareRequirement.of(machine(null, null, null, 16.0));
    assertThat(bigGpu.needsGpu()).isTrue();
    assertThat(bigGpu.isMetBy(machine(2, 8.0, "GTX 1060", 6.0))).isFalse();
    assertThat(bigGpu.isMetBy(machine(2, 8.0, "A100", 80.0))).isTrue();
    assertThat(bigGpu.describe()).isEqualTo("a GPU with 16.0 GB");
  }
}
