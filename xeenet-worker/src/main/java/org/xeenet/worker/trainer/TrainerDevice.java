package org.xeenet.worker.trainer;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Which device the trainer uses. The worker passes {@code -Dxeenet.device=auto|cpu} to the child
 * ({@code --gpu}/{@code --no-gpu}): {@code auto} (default) takes {@code cuda:0} when the loaded
 * libtorch sees a GPU (a CUDA build pointed to by {@code PYTORCH_LIBRARY_PATH}), else the CPU.
 */
public final class TrainerDevice {
  public static final String PROPERTY = "xeenet.device";

  private TrainerDevice() {}

  public static Device select(Engine engine) {
    String want = System.getProperty(PROPERTY, "auto").trim().toLowerCase(java.util.Locale.ROOT);
    if (!"cpu".equals(want) && engine.getGpuCount() > 0) {
      return Device.gpu(0);
    }
    return Device.cpu();
  }

  /** The wire name: {@code cpu} or {@code cuda:N}. */
  public static String name(Device d) {
    return d.isGpu() ? "cuda:" + d.getDeviceId() : "cpu";
  }
}
