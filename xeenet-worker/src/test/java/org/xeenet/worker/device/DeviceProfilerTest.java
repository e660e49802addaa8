package org.xeenet.worker.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xeenet.api.ResourceProfile;
import org.xeenet.api.TrainingCapability;

class DeviceProfilerTest {
  @Test
  void profileIsSane() {
    ResourceProfile p = DeviceProfiler.profile(null, null);
    assertThat(p.cpuCores()).isPositive();
    assertThat(p.ramGb()).isPositive();
    assertThat(p.os()).isNotBlank();
    assertThat(p.arch()).isNotBlank();
    assertThat(p.gpuName()).isNull();
  }

  @Test
  void parsesNvidiaSmi() {
    DeviceProfiler.Gpu g = DeviceProfiler.parseNvidiaSmi("NVIDIA A100-SXM4-40GB, 40960\n");
    assertThat(g.name()).isEqualTo("NVIDIA A100-SXM4-40GB");
    assertThat(g.vramGb()).isEqualTo(40.0);
    assertThat(DeviceProfiler.parseNvidiaSmi("")).isNull();
  }

  @Test
  void capabilityFollowsTheProbe() {
    TrainingCapability ok =
        DeviceProfiler.capability(new NativesProbe.Outcome(true, "2.7.1", 0, null));
    assertThat(ok.hasNatives()).isTrue();
    assertThat(ok.hasCuda()).isFalse();
    assertThat(ok.runtime()).isEqualTo("java-" + Runtime.version().feature());
    assertThat(ok.codePackages()).containsExactly("builtin:char-lm/1");
    assertThat(
            NativesProbe.parse(
                "noise\n{\"event\":\"probe\",\"ok\":false,\"error\":\"Offline\"}", 0))
        .isEqualTo(new NativesProbe.Outcome(false, null, 0, "Offline"));
    assertThat(NativesProbe.parse("", 1).ok()).isFalse();
  }
}
