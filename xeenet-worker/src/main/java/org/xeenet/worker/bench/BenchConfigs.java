package org.xeenet.worker.bench;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xeenet.worker.trainer.TrainerConfig;

/** The three fixed benchmark models (same numbers in {@code bench/torch_ref.py}). */
public final class BenchConfigs {
  private BenchConfigs() {}

  /** name → {n_layer, n_head, n_embd, block_size, batch_size}. */
  public static final Map<String, int[]> SHAPES = new LinkedHashMap<>();

  static {
    SHAPES.put("tiny", new int[] {2, 2, 64, 64, 16});
    SHAPES.put("small", new int[] {4, 4, 128, 64, 16});
    SHAPES.put("medium", new int[] {6, 8, 256, 128, 16});
  }

  public static Map<String, Object> config(String name) {
    int[] s = SHAPES.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown config " + name + " (tiny, small, medium)");
    }
    Map<String, Object> m = new HashMap<>();
    m.put("n_layer", s[0]);
    m.put("n_head", s[1]);
    m.put("n_embd", s[2]);
    m.put("block_size", s[3]);
    m.put("batch_size", s[4]);
    m.put("learning_rate", 0.001);
    m.put("dropout", 0.0);
    m.put("weight_decay", 0.1);
    m.put("warmup_steps", 10);
    m.put("grad_clip", 1.0);
    return m;
  }

  public static TrainerConfig parsed(String name) {
    return TrainerConfig.parse(config(name));
  }

  public static String describe(String name) {
    int[] s = SHAPES.get(name);
    return s[0] + "x" + s[2] + " (" + s[1] + " heads) ctx " + s[3] + " batch " + s[4];
  }
}
