package org.xeenet.worker.trainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The shipped dataset and a tiny config for the real-training tests. */
public final class TestData {
  private TestData() {}

  public static Path dataset() {
    String p = System.getProperty("xeenet.test.dataset");
    Path path = p != null ? Path.of(p) : Path.of("../datasets/tinyshakespeare.txt");
    if (!Files.isRegularFile(path)) {
      path = Path.of("../datasets/tinyshakespeare.txt");
    }
    return path.toAbsolutePath();
  }

  public static Map<String, Object> tinyConfig() {
    Map<String, Object> m = new HashMap<>();
    m.put("n_layer", 1);
    m.put("n_head", 2);
    m.put("n_embd", 32);
    m.put("block_size", 32);
    m.put("batch_size", 8);
    m.put("learning_rate", 0.003);
    m.put("dropout", 0.0);
    m.put("weight_decay", 0.1);
    m.put("warmup_steps", 20);
    return m;
  }

  public static TrainerJob tinyJob(String taskId, double budget) {
    return new TrainerJob(
        taskId, "c-test", tinyConfig(), List.of(7L), budget, dataset().toString());
  }
}
