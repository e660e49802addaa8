package org.xeenet.worker.trainer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The worker's start-up benchmark ({@code benchmark_tokens_per_s} in the ResourceProfile): trains
 * the reference model (2 layers × 4 heads × 128, context 64, batch 16) for a few seconds on
 * synthetic text and reports training tokens per second after the first, warm-up, progress line.
 * Runs in the child JVM with the worker's thread count, like real tasks.
 */
public final class StartupBenchmark {
  private StartupBenchmark() {}

  public static Map<String, Object> config() {
    Map<String, Object> m = new HashMap<>();
    m.put("n_layer", 2);
    m.put("n_head", 4);
    m.put("n_embd", 128);
    m.put("block_size", 64);
    m.put("batch_size", 16);
    m.put("learning_rate", 0.001);
    m.put("weight_decay", 0.1);
    m.put("warmup_steps", 10);
    return m;
  }

  /** Deterministic text over 65 symbols, long enough for the train/val split. */
  static String syntheticText() {
    Random r = new Random(42);
    StringBuilder sb = new StringBuilder(200_000);
    for (int i = 0; i < 200_000; i++) {
      sb.append((char) ('A' + r.nextInt(58)));
      if (i % 61 == 60) {
        sb.append('\n');
      }
    }
    sb.append(" !?,.'");
    return sb.toString();
  }

  /** Runs for {@code seconds} and returns one JSON line {"event":"benchmark","tokens_per_s":…}. */
  public static String run(double seconds) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", "benchmark");
    try {
      TrainerJob job =
          new TrainerJob("benchmark", null, config(), List.of(1L), seconds, "synthetic");
      TrainerConfig cfg = TrainerConfig.parse(job.config());
      List<TrainerEvents.Progress> lines = new ArrayList<>();
      CharLmTrainer trainer =
          new CharLmTrainer(
                  job,
                  cfg,
                  new CharDataset(syntheticText()),
                  l -> {
                    if (TrainerEvents.parse(l) instanceof TrainerEvents.Progress p) {
                      lines.add(p);
                    }
                  },
                  () -> false)
              .progressInterval(0.5)
              .finalEvalBatches(0);
      org.xeenet.api.TaskResult r = trainer.run();
      Double tps = tokensPerSecond(lines, cfg.tokensPerStep());
      if (tps == null
          && r.tokensProcessed() != null
          && r.tokensProcessed() > 0
          && r.wallTimeSeconds() != null
          && r.wallTimeSeconds() > 0) {
        // too few steps for a warm-up-free figure (a very slow or busy machine): whole-run rate
        tps = TrainerEvents.round(r.tokensProcessed() / r.wallTimeSeconds(), 1);
      }
      m.put("ok", tps != null);
      m.put("tokens_per_s", tps);
      m.put("config", "2x4x128 ctx64 b16");
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      m.put("ok", false);
      m.put("error", e.toString());
    }
    return TrainerEvents.jsonb().toJson(m);
  }

  /** Tokens/s between the first progress line (warm-up excluded) and the last one. */
  public static Double tokensPerSecond(List<TrainerEvents.Progress> lines, long tokensPerStep) {
    if (lines.size() < 2) {
      return null;
    }
    TrainerEvents.Progress a = lines.get(0);
    TrainerEvents.Progress b = lines.get(lines.size() - 1);
    double dt = b.elapsedS() - a.elapsedS();
    if (dt <= 0 || b.step() <= a.step()) {
      return null;
    }
    return TrainerEvents.round((b.step() - a.step()) * tokensPerStep / dt, 1);
  }
}
