package org.xeenet.worker.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xeenet.api.ResourceProfile;
import org.xeenet.worker.trainer.ChildJvm;
import org.xeenet.worker.trainer.TrainerEvents;

class StartupBenchmarkProbeTest {
  @Test
  void measuresTokensPerSecondInTheChildAndSendsItWithTheProfile() {
    assertThat(StartupBenchmarkProbe.parse("junk\n{\"event\":\"benchmark\",\"ok\":false}"))
        .isNull();
    assertThat(StartupBenchmarkProbe.parse("{\"event\":\"benchmark\",\"tokens_per_s\":1234.5}"))
        .isEqualTo(1234.5);
    Double tps = StartupBenchmarkProbe.measure(ChildJvm.fromCodeSource(2), 2);
    assertThat(tps).isNotNull().isPositive(); // no speed assertion, only that it measured
    ResourceProfile p = DeviceProfiler.profile(null, tps);
    assertThat(TrainerEvents.jsonb().toJson(p)).contains("\"benchmark_tokens_per_s\":");
  }
}
