package org.xeenet.worker.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GpuChoiceTest {
  private static final NativesProbe.Outcome CPU_ONLY =
      new NativesProbe.Outcome(true, "2.7.1", 0, null, false, "/home/v/.cache/xeenet/djl/pytorch");
  private static final NativesProbe.Outcome ONE_GPU =
      new NativesProbe.Outcome(true, "2.7.1", 1, null, false, "/opt/torch/lib");

  @Test
  void noGpuKeepsTheCpuWhateverIsThere() {
    GpuChoice.Decision d = GpuChoice.decide(false, ONE_GPU, "/opt/torch/lib");
    assertThat(d.useGpu()).isFalse();
    assertThat(d.stop()).isFalse();
    assertThat(d.message()).isNull();
  }

  @Test
  void aVisibleGpuIsUsedByDefaultAndWithGpu() {
    assertThat(GpuChoice.decide(null, ONE_GPU, null))
        .isEqualTo(new GpuChoice.Decision(true, false, null));
    assertThat(GpuChoice.decide(true, ONE_GPU, "/opt/torch/lib"))
        .isEqualTo(new GpuChoice.Decision(true, false, null));
  }

  @Test
  void gpuRequestedWithoutCudaStopsAndSaysWhatIsMissing() {
    GpuChoice.Decision d = GpuChoice.decide(true, CPU_ONLY, null);
    assertThat(d.stop()).isTrue();
    assertThat(d.message())
        .startsWith(
            "--gpu: the loaded libtorch 2.7.1 (/home/v/.cache/xeenet/djl/pytorch) sees no CUDA GPU")
        .contains("CPU build only")
        .contains("PYTORCH_LIBRARY_PATH")
        .contains("PYTORCH_FLAVOR=cu128")
        .endsWith("run without --gpu to train on the CPU");
    assertThat(GpuChoice.decide(true, CPU_ONLY, "/opt/torch/lib").message())
        .contains("PYTORCH_LIBRARY_PATH=/opt/torch/lib did not give a CUDA libtorch");
  }

  @Test
  void byDefaultTheCpuIsFineButAWrongLibraryPathIsExplained() {
    assertThat(GpuChoice.decide(null, CPU_ONLY, null))
        .isEqualTo(new GpuChoice.Decision(true, false, null));
    GpuChoice.Decision d = GpuChoice.decide(null, CPU_ONLY, "/opt/torch/lib");
    assertThat(d.stop()).isFalse();
    assertThat(d.message())
        .contains("PYTORCH_LIBRARY_PATH=/opt/torch/lib")
        .endsWith("training on the CPU");
  }

  @Test
  void noNativesIsNotAGpuQuestion() {
    NativesProbe.Outcome none = new NativesProbe.Outcome(false, null, 0, "no libtorch");
    assertThat(GpuChoice.decide(true, none, null).stop()).isFalse();
  }
}
