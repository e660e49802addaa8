package org.xeenet.worker.trainer;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to start the trainer as a child JVM: the same {@code java} executable as this process, the
 * worker's own jar (or classes directory) as classpath, a bounded heap, DJL always offline, and
 * libtorch's thread counts, and {@code OMP_WAIT_POLICY=PASSIVE} unless the environment sets it.
 *
 * <pre>
 * java -Xmx768m -XX:+UseSerialGC -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=T
 *      -Dai.djl.pytorch.num_interop_threads=1 -cp xeenet-worker.jar
 *      org.xeenet.worker.trainer.TrainerMain --job /tmp/xeenet-job-….json
 * </pre>
 */
public record ChildJvm(
    String javaExecutable,
    String classpath,
    String maxHeap,
    int threads,
    List<String> jvmArgs,
    Map<String, String> env) {
  public static final String MAIN_CLASS = TrainerMain.class.getName();
  public static final String DEFAULT_MAX_HEAP = "768m";

  public ChildJvm {
    jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  public ChildJvm(String javaExecutable, String classpath, String maxHeap, int threads) {
    this(javaExecutable, classpath, maxHeap, threads, List.of(), Map.of());
  }

  /** Extra JVM options (e.g. {@code -Dxeenet.device=cpu}) added before the main class. */
  public ChildJvm withJvmArgs(String... args) {
    List<String> all = new ArrayList<>(jvmArgs);
    all.addAll(List.of(args));
    return new ChildJvm(javaExecutable, classpath, maxHeap, threads, all, env);
  }

  /** An extra environment variable of the child (e.g. {@code DJL_CACHE_DIR}). */
  public ChildJvm withEnv(String key, String value) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put(key, value);
    return new ChildJvm(javaExecutable, classpath, maxHeap, threads, jvmArgs, all);
  }

  public ChildJvm withMaxHeap(String heap) {
    return new ChildJvm(javaExecutable, classpath, heap, threads, jvmArgs, env);
  }

  /** This JVM's java executable and the code source of the worker classes. */
  public static ChildJvm fromCodeSource(int threads) {
    return new ChildJvm(currentJava(), codeSourceClasspath(), DEFAULT_MAX_HEAP, threads);
  }

  public ChildJvm withClasspath(String cp) {
    return new ChildJvm(javaExecutable, cp, maxHeap, threads, jvmArgs, env);
  }

  public ChildJvm withThreads(int t) {
    return new ChildJvm(javaExecutable, classpath, maxHeap, t, jvmArgs, env);
  }

  /** The full command line for {@code TrainerMain} with these arguments. */
  public List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaExecutable);
    cmd.add("-Xmx" + maxHeap);
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Dai.djl.offline=true");
    cmd.add("-Dai.djl.pytorch.num_threads=" + threads);
    cmd.add("-Dai.djl.pytorch.num_interop_threads=1");
    cmd.add("-Dfile.encoding=UTF-8");
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(MAIN_CLASS);
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** A ProcessBuilder for the command, with DJL_OFFLINE set in the environment too. */
  public ProcessBuilder processBuilder(String... args) {
    ProcessBuilder pb = new ProcessBuilder(command(args));
    // libtorch's OpenMP threads must not spin-wait: on a machine that is also busy with other
    // work (a volunteer's), active waiting made 2 threads ~30x slower than passive (measured)
    pb.environment().putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
    pb.environment().putAll(env);
    pb.environment().put("DJL_OFFLINE", "true");
    return pb;
  }

  static String currentJava() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(
            Path.of(System.getProperty("java.home"), "bin", "java").toAbsolutePath().toString());
  }

  /**
   * The jar (or directory) the worker classes were loaded from. When that is a classes directory
   * (tests, IDE), the JVM's own class path is appended so dependencies are found too.
   */
  static String codeSourceClasspath() {
    try {
      Path src =
          Path.of(TrainerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (src.toString().endsWith(".jar")) {
        return src.toString();
      }
      return src + File.pathSeparator + System.getProperty("java.class.path");
    } catch (URISyntaxException | RuntimeException e) {
      return System.getProperty("java.class.path");
    }
  }
}
