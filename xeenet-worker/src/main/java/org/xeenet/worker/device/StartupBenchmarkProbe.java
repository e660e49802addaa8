package org.xeenet.worker.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xeenet.worker.trainer.ChildJvm;
import org.xeenet.worker.trainer.TrainerEvents;

/**
 * Measures {@code benchmark_tokens_per_s} for the registration: the child JVM trains the fixed
 * reference model for a few seconds ({@code TrainerMain --benchmark S}) with the worker's threads.
 */
public final class StartupBenchmarkProbe {
  public static final double DEFAULT_SECONDS = 5;

  private StartupBenchmarkProbe() {}

  /** Tokens/s, or null when the benchmark could not run (no natives, timeout). */
  public static Double measure(ChildJvm jvm, double seconds) {
    ProcessBuilder pb = jvm.processBuilder("--benchmark", Double.toString(seconds));
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor((long) seconds + 120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return parse(out);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The tokens_per_s of the {"event":"benchmark"} line, or null. */
  @SuppressWarnings("unchecked")
  static Double parse(String stdout) {
    for (String line : stdout.split("\\R")) {
      if (!line.contains("\"benchmark\"")) {
        continue;
      }
      try {
        Map<String, Object> m = TrainerEvents.jsonb().fromJson(line, Map.class);
        return m.get("tokens_per_s") instanceof Number n && n.doubleValue() > 0
            ? n.doubleValue()
            : null;
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }
}
