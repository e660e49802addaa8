package org.xeenet.worker.device;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xeenet.api.ResourceProfile;
import org.xeenet.api.TrainingCapability;

/** Builds this machine's ResourceProfile and TrainingCapability. */
public final class DeviceProfiler {
  public static final String ENGINE = "pytorch";
  public static final String ENGINE_VERSION = "2.7.1";
  public static final List<String> CODE_PACKAGES = List.of("builtin:char-lm/1");

  private DeviceProfiler() {}

  /** The GPU as reported by nvidia-smi. */
  public record Gpu(String name, Double vramGb) {}

  public static ResourceProfile profile() {
    return profile(queryNvidiaSmi(), null);
  }

  public static ResourceProfile profile(Gpu gpu, Double benchmarkTokensPerS) {
    return new ResourceProfile(
        Runtime.getRuntime().availableProcessors(),
        ramGb(),
        gpu == null ? null : gpu.name(),
        gpu == null ? null : gpu.vramGb(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        benchmarkTokensPerS);
  }

  public static TrainingCapability capability(NativesProbe.Outcome natives) {
    return new TrainingCapability(
        "java-" + Runtime.version().feature(),
        ENGINE,
        ENGINE_VERSION,
        natives.ok(),
        natives.ok() && natives.gpuCount() > 0,
        CODE_PACKAGES);
  }

  /** Total physical memory in GB (one decimal), or null when the JVM cannot tell. */
  public static Double ramGb() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      double gb = os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
      return Math.round(gb * 10) / 10.0;
    }
    return null;
  }

  /** First GPU from {@code nvidia-smi}, or null when it is absent or fails. */
  public static Gpu queryNvidiaSmi() {
    try {
      Process p =
          new ProcessBuilder(
                  "nvidia-smi", "--query-gpu=name,memory.total", "--format=csv,noheader,nounits")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return null;
      }
      return parseNvidiaSmi(out);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Parses {@code "NVIDIA A100-SXM4-40GB, 40960"} (MiB) into a Gpu; null if unparsable. */
  public static Gpu parseNvidiaSmi(String out) {
    if (out == null) {
      return null;
    }
    for (String line : out.split("\\R")) {
      int comma = line.lastIndexOf(',');
      if (comma <= 0) {
        continue;
      }
      String name = line.substring(0, comma).trim();
      try {
        double mib = Double.parseDouble(line.substring(comma + 1).trim());
        return new Gpu(name, Math.round(mib / 1024.0 * 10) / 10.0);
      } catch (NumberFormatException e) {
        return new Gpu(name, null);
      }
    }
    return null;
  }
}
