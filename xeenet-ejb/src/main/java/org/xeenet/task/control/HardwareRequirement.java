package org.xeenet.task.control;

import java.util.ArrayList;
import java.util.List;
import org.xeenet.api.ResourceProfile;

/**
 * The least a worker's machine must offer to be given a campaign's tasks. Unset parts ask for
 * nothing; a GPU name in a brief's {@code hardware} means "any GPU", with at least {@code
 * minGpuVramGb} of memory when that is set.
 */
public record HardwareRequirement(
    Integer minCpuCores, Double minRamGb, boolean needsGpu, Double minGpuVramGb) {

  public static final HardwareRequirement NONE = new HardwareRequirement(null, null, false, null);

  public static HardwareRequirement of(ResourceProfile minimum) {
    if (minimum == null) {
      return NONE;
    }
    boolean gpu = minimum.gpuName() != null || minimum.gpuVramGb() != null;
    return new HardwareRequirement(minimum.cpuCores(), minimum.ramGb(), gpu, minimum.gpuVramGb());
  }

  public boolean isNone() {
    return minCpuCores == null && minRamGb == null && !needsGpu && minGpuVramGb == null;
  }

  /** Whether a worker with this profile may run the tasks; unknown figures never qualify. */
  public boolean isMetBy(ResourceProfile worker) {
    if (isNone()) {
      return true;
    }
    if (worker == null) {
      return false;
    }
    if (minCpuCores != null && (worker.cpuCores() == null || worker.cpuCores() < minCpuCores)) {
      return false;
    }
    if (minRamGb != null && (worker.ramGb() == null || worker.ramGb() < minRamGb)) {
      return false;
    }
    if (needsGpu && worker.gpuName() == null) {
      return false;
    }
    return minGpuVramGb == null
        || (worker.gpuVramGb() != null && worker.gpuVramGb() >= minGpuVramGb);
  }

  public ResourceProfile asProfile() {
    return isNone()
        ? null
        : new ResourceProfile(
            minCpuCores, minRamGb, needsGpu ? "any" : null, minGpuVramGb, null, null, null);
  }

  public String describe() {
    List<String> parts = new ArrayList<>();
    if (minCpuCores != null) {
      parts.add(minCpuCores + " cores");
    }
    if (minRamGb != null) {
      parts.add(minRamGb + " GB RAM");
    }
    if (needsGpu) {
      parts.add(minGpuVramGb == null ? "a GPU" : "a GPU with " + minGpuVramGb + " GB");
    }
    return parts.isEmpty() ? "nothing" : String.join(", ", parts);
  }
}
