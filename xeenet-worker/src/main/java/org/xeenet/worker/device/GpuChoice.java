package org.xeenet.worker.device;

/**
 * What {@code --gpu} / {@code --no-gpu} / neither mean once the natives probe has answered: {@code
 * --gpu} requires a GPU (the worker stops with a clear message when the loaded libtorch sees none),
 * {@code --no-gpu} keeps the CPU, neither takes {@code cuda:0} when there is one. A volunteer who
 * set {@code PYTORCH_LIBRARY_PATH} but whose libtorch sees no GPU is warned why.
 */
public final class GpuChoice {
  private GpuChoice() {}

  /** The decision: train on the GPU if there is one ({@code useGpu}), stop, and what to say. */
  public record Decision(boolean useGpu, boolean stop, String message) {}

  /**
   * @param requested true ({@code --gpu}), false ({@code --no-gpu}) or null (neither)
   * @param natives the child's probe
   * @param libraryPath the {@code PYTORCH_LIBRARY_PATH} of the environment, or null
   */
  public static Decision decide(
      Boolean requested, NativesProbe.Outcome natives, String libraryPath) {
    if (Boolean.FALSE.equals(requested)) {
      return new Decision(false, false, null);
    }
    if (!natives.ok() || natives.gpuCount() > 0) {
      return new Decision(true, false, null);
    }
    String why =
        "the loaded libtorch "
            + natives.engineVersion()
            + (natives.libtorchDir() == null ? "" : " (" + natives.libtorchDir() + ")")
            + " sees no CUDA GPU"
            + (libraryPath == null || libraryPath.isBlank()
                ? ": the worker bundles the CPU build only; for a GPU install an NVIDIA driver"
                    + " and a CUDA libtorch 2.7.1 (cu128), point PYTORCH_LIBRARY_PATH to its lib"
                    + " directory and set PYTORCH_FLAVOR=cu128 (see the worker README, GPU)"
                : ": PYTORCH_LIBRARY_PATH="
                    + libraryPath
                    + " did not give a CUDA libtorch 2.7.1 that finds a GPU (is it the cu128"
                    + " build, PYTORCH_FLAVOR=cu128 set, the NVIDIA driver working?)");
    if (Boolean.TRUE.equals(requested)) {
      return new Decision(true, true, "--gpu: " + why + "; run without --gpu to train on the CPU");
    }
    return new Decision(
        true,
        false,
        libraryPath == null || libraryPath.isBlank() ? null : why + "; training on the CPU");
  }
}
