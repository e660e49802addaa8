package org.xeenet.worker.lease;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.TaskResult;

/**
 * The {@code --simulate} fallback when libtorch cannot load: plausible numbers derived from the
 * config and seed, always flagged {@code simulated=true} (never credited, never ranked). Used only
 * when the operator asked for it.
 */
public final class SimulatedTraining {
  private SimulatedTraining() {}

  public static TaskResult result(
      String taskId, Map<String, Object> config, long seed, double budgetSeconds) {
    Random rng = new Random(seed ^ (taskId == null ? 0 : taskId.hashCode()));
    double embd = num(config, "n_embd", 128);
    double layers = num(config, "n_layer", 2);
    double block = num(config, "block_size", 64);
    double batch = num(config, "batch_size", 16);
    double params = 12 * layers * embd * embd;
    double tokensPerS = 4e9 / Math.max(1e4, params + 1e5);
    long steps = Math.max(1, (long) (budgetSeconds * tokensPerS / (block * batch)));
    double floor = 1.9 + 1.2 / Math.log10(10 + params / 1e4);
    double valBpb = floor + 4.2 / Math.sqrt(1 + steps / 50.0) + rng.nextGaussian() * 0.02;
    List<CurvePoint> curve = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      long s = steps * i / 10;
      double bpb = floor + 4.2 / Math.sqrt(1 + s / 50.0);
      curve.add(new CurvePoint(s, budgetSeconds * i / 10, bpb * Math.log(2), null));
    }
    return new TaskResult(
        taskId,
        Math.round(valBpb * 1e4) / 1e4,
        Math.round((valBpb - 0.05) * Math.log(2) * 1e4) / 1e4,
        steps,
        budgetSeconds,
        "cpu",
        TaskResult.COMPLETED,
        null,
        true,
        steps * (long) (block * batch),
        curve);
  }

  private static double num(Map<String, Object> config, String key, double dflt) {
    Object v = config == null ? null : config.get(key);
    return v instanceof Number n ? n.doubleValue() : dflt;
  }
}
