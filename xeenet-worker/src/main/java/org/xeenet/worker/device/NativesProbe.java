package org.xeenet.worker.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xeenet.worker.trainer.ChildJvm;
import org.xeenet.worker.trainer.TrainerEvents;

/**
 * Whether libtorch loads, found by starting the trainer's child JVM in {@code --probe} mode (so the
 * parent never loads the natives itself) and reading its one JSON line.
 */
public final class NativesProbe {
  private NativesProbe() {}

  /**
   * The probe's answer; {@code mklShim}: the MKL CPU shim was mapped into the child (see {@link
   * MklCpuShim}); {@code libtorchDir}: where the libtorch it loaded lives.
   */
  public record Outcome(
      boolean ok,
      String engineVersion,
      int gpuCount,
      String error,
      boolean mklShim,
      String libtorchDir) {
    public Outcome(boolean ok, String engineVersion, int gpuCount, String error) {
      this(ok, engineVersion, gpuCount, error, false, null);
    }
  }

  public static Outcome probe(ChildJvm jvm) {
    ProcessBuilder pb = jvm.processBuilder("--probe");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      Process p = pb.start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Outcome(false, null, 0, "probe timed out");
      }
      return parse(out, p.exitValue());
    } catch (IOException e) {
      return new Outcome(false, null, 0, "cannot start the child JVM: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, null, 0, "interrupted");
    }
  }

  /** Parses the probe's stdout. */
  @SuppressWarnings("unchecked")
  static Outcome parse(String stdout, int exit) {
    for (String line : stdout.split("\\R")) {
      if (!line.contains("\"probe\"")) {
        continue;
      }
      try {
        Map<String, Object> m = TrainerEvents.jsonb().fromJson(line, Map.class);
        boolean ok = Boolean.TRUE.equals(m.get("ok"));
        Object v = m.get("engine_version");
        Object g = m.get("gpu_count");
        Object err = m.get("error");
        return new Outcome(
            ok,
            v == null ? null : v.toString(),
            g instanceof Number n ? n.intValue() : 0,
            err == null ? null : err.toString(),
            Boolean.TRUE.equals(m.get("mkl_shim")),
            m.get("libtorch_dir") == null ? null : m.get("libtorch_dir").toString());
      } catch (RuntimeException e) {
        return new Outcome(false, null, 0, "unreadable probe line: " + line);
      }
    }
    return new Outcome(false, null, 0, "probe printed no result (exit " + exit + ")");
  }
}
