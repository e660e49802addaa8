package org.xeenet.worker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainBenchTest {
  @Test
  void cpuSecondsOfAProcessGrowWithItsWork() {
    long pid = ProcessHandle.current().pid();
    double before = TrainBench.cpuSeconds(pid);
    assertThat(before).isPositive();
    long t0 = System.nanoTime();
    double x = 0;
    while (System.nanoTime() - t0 < 300_000_000L) {
      x += Math.sqrt(x + 1);
    }
    assertThat(x).isPositive();
    assertThat(TrainBench.cpuSeconds(pid)).isGreaterThan(before);
    assertThat(TrainBench.cpuSeconds(Long.MAX_VALUE)).isEqualTo(-1);
  }

  @Test
  void medianOfRuns() {
    assertThat(TrainBench.median(List.of())).isNull();
    assertThat(TrainBench.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
    assertThat(TrainBench.median(List.of(4.0, 1.0, 2.0, 3.0))).isEqualTo(2.5);
  }
}
