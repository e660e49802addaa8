package org.xeenet.worker.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.xeenet.worker.trainer.ChildJvm;

/**
 * The MKL CPU shim ({@code src/main/c/xeenet_mkl_cpu.c}, built into the jar when the build had a C
 * compiler): libtorch's statically linked Intel MKL takes slower sgemm paths on CPUs not made by
 * Intel; preloading this tiny library into the trainer child makes MKL use the AVX2/AVX-512 kernels
 * the CPU has. Applied only on x86-64 Linux with a CPU whose vendor is not {@code GenuineIntel};
 * {@code --no-mkl-shim} (or {@code XEENET_MKL_SHIM=off}) turns it off.
 */
public final class MklCpuShim {
  /** The library inside the worker jar. */
  public static final String RESOURCE =
      "/org/xeenet/worker/natives/linux-x86_64/libxeenet_mkl_cpu.so";

  /** Environment switch, same effect as {@code --no-mkl-shim} when {@code off}. */
  public static final String ENV = "XEENET_MKL_SHIM";

  private MklCpuShim() {}

  /** The rule: Linux, x86-64, a known CPU vendor that is not Intel. */
  public static boolean applies(String osName, String osArch, String cpuVendor) {
    if (osName == null || osArch == null || cpuVendor == null || cpuVendor.isBlank()) {
      return false;
    }
    String arch = osArch.toLowerCase(Locale.ROOT);
    return osName.toLowerCase(Locale.ROOT).startsWith("linux")
        && (arch.equals("amd64") || arch.equals("x86_64"))
        && !cpuVendor.strip().equals("GenuineIntel");
  }

  /** {@code vendor_id} of the first processor in a /proc/cpuinfo text, or null. */
  public static String vendorOf(String cpuinfo) {
    for (String line : cpuinfo.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equals("vendor_id")) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }

  /** This machine's CPU vendor from /proc/cpuinfo, or null (not Linux, unreadable). */
  public static String cpuVendor() {
    try {
      return vendorOf(Files.readString(Path.of("/proc/cpuinfo")));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** True for this machine (rule above with the running JVM's OS and /proc/cpuinfo). */
  public static boolean appliesHere() {
    return applies(System.getProperty("os.name"), System.getProperty("os.arch"), cpuVendor());
  }

  /**
   * Unpacks the library from the jar to {@code <work-dir>/natives/libxeenet_mkl_cpu-<sha>.so}
   * (once; an existing file with the same content is reused). Empty when the jar has none (built
   * without a C compiler) or it cannot be written.
   */
  public static Optional<Path> install(Path workDir) {
    return install(workDir, RESOURCE);
  }

  /**
   * The bf32 library ({@code src/main/c/xeenet_bf32_matmul.c}: fp32 matmuls computed by oneDNN with
   * bf16 inputs), unpacked as {@link #install(Path)} does; only {@code bench train --bf16} preloads
   * it.
   */
  public static Optional<Path> installBf32(Path workDir) {
    return install(workDir, BF32_RESOURCE);
  }

  /** The bf32 matmul library inside the worker jar. */
  public static final String BF32_RESOURCE =
      "/org/xeenet/worker/natives/linux-x86_64/libxeenet_bf32_matmul.so";

  static Optional<Path> install(Path workDir, String resource) {
    String base = resource.substring(resource.lastIndexOf('/') + 1).replace(".so", "");
    byte[] lib;
    try (InputStream in = MklCpuShim.class.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      lib = in.readAllBytes();
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      String sha = sha256(lib).substring(0, 16);
      Path dir = workDir.resolve("natives");
      Path target = dir.resolve(base + "-" + sha + ".so");
      if (Files.isRegularFile(target) && sha256(Files.readAllBytes(target)).startsWith(sha)) {
        return Optional.of(target);
      }
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "shim", ".tmp");
      Files.write(tmp, lib);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return Optional.of(target);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** {@code LD_PRELOAD} with the library in front of what the environment already preloads. */
  public static String preloadValue(Path lib, String existing) {
    return existing == null || existing.isBlank() ? lib.toString() : lib + ":" + existing;
  }

  /** The child JVM with the shim preloaded. */
  public static ChildJvm preload(ChildJvm jvm, Path lib) {
    return jvm.withEnv("LD_PRELOAD", preloadValue(lib, System.getenv("LD_PRELOAD")));
  }

  /**
   * The worker's decision in one call: the child with the shim when it applies here, is not
   * disabled ({@code enabled} false or {@code XEENET_MKL_SHIM=off}) and the jar has it; else the
   * child unchanged. {@code note} receives one line saying what was done (for the log).
   */
  public static ChildJvm maybePreload(
      ChildJvm jvm, Path workDir, boolean enabled, java.util.function.Consumer<String> note) {
    if (!enabled || "off".equalsIgnoreCase(System.getenv(ENV))) {
      note.accept("MKL CPU shim disabled");
      return jvm;
    }
    if (!appliesHere()) {
      return jvm;
    }
    Optional<Path> lib = install(workDir);
    if (lib.isEmpty()) {
      note.accept(
          "CPU vendor "
              + cpuVendor()
              + ": this worker jar has no MKL CPU shim (built without a C compiler)");
      return jvm;
    }
    note.accept(
        "CPU vendor "
            + cpuVendor()
            + ": MKL told to use its AVX2/AVX-512 kernels (LD_PRELOAD "
            + lib.get()
            + "; --no-mkl-shim disables)");
    return preload(jvm, lib.get());
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
