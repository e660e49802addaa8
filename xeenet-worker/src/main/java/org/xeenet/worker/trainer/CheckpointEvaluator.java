package org.xeenet.worker.trainer;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.nio.file.Path;
import java.util.List;
import org.xeenet.api.TaskResult;

/**
 * Evaluate-only mode of the trainer, for the trust agent's verification by recomputation: builds
 * the model of the job's config, loads the checkpoint's weights and computes val_bpb over the whole
 * validation split as the trainer's final evaluation does (forward passes only). A checkpoint that
 * does not fit the config (another task's weights) gives a completed result without val_bpb and the
 * reason in {@code error}: the check then disagrees.
 */
public final class CheckpointEvaluator {
  private static final double LN2 = Math.log(2);

  private CheckpointEvaluator() {}

  public static TaskResult evaluate(TrainerJob job, Path checkpoint) {
    long t0 = System.nanoTime();
    TrainerConfig cfg;
    CharDataset data;
    try {
      cfg = TrainerConfig.parse(job.config());
      data = CharDataset.load(Path.of(job.datasetPath()));
    } catch (java.io.IOException | IllegalArgumentException e) {
      return result(job, null, TaskResult.FAILED, "cannot evaluate: " + e.getMessage(), t0, "cpu");
    }
    int b = cfg.batchSize();
    int t = cfg.blockSize();
    int v = data.vocabSize();
    Engine engine = Engine.getEngine("PyTorch");
    var device = TrainerDevice.select(engine);
    String deviceName = TrainerDevice.name(device);
    try (Model model = Model.newInstance("char-gpt-eval", device, "PyTorch")) {
      CharGpt gpt = new CharGpt(v, cfg);
      model.setBlock(gpt);
      NDManager mm = model.getNDManager();
      gpt.initialize(mm, DataType.FLOAT32, new Shape(b, t));
      java.util.Map<String, Shape> expected = new java.util.HashMap<>();
      for (var p : gpt.getParameters()) {
        expected.put(p.getKey(), p.getValue().getArray().getShape());
      }
      try {
        Checkpoint.read(gpt, mm, checkpoint);
        for (var p : gpt.getParameters()) {
          Shape loaded = p.getValue().getArray().getShape();
          if (!loaded.equals(expected.get(p.getKey()))) {
            throw new IllegalStateException(
                p.getKey()
                    + " has shape "
                    + loaded
                    + ", the config needs "
                    + expected.get(p.getKey()));
          }
        }
      } catch (Exception e) {
        return result(
            job,
            null,
            TaskResult.COMPLETED,
            "the checkpoint does not fit this task's config: " + e.getMessage(),
            t0,
            deviceName);
      }
      ParameterStore ps = new ParameterStore(mm, false);
      Loss ce = Loss.softmaxCrossEntropyLoss();
      // the whole validation split in non-overlapping windows, as the trainer's final evaluation
      int per = Math.max(b, 64);
      int windows = data.fullValWindows(t);
      double sum = 0;
      for (int first = 0; first < windows; first += per) {
        int n = Math.min(per, windows - first);
        CharDataset.Batch batch = data.fullValBatch(first, n, t);
        try (NDManager sub = mm.newSubManager()) {
          NDArray x = sub.create(batch.inputs(), new Shape(n, t));
          NDArray y = sub.create(batch.targets(), new Shape((long) n * t));
          NDArray logits = gpt.forward(ps, new NDList(x), false).singletonOrThrow();
          NDArray loss = ce.evaluate(new NDList(y), new NDList(logits.reshape((long) n * t, v)));
          sum += loss.getFloat() * n;
        }
      }
      double bpb = TrainerEvents.round(sum / windows / LN2, 5);
      return result(job, bpb, TaskResult.COMPLETED, null, t0, deviceName);
    } catch (RuntimeException | LinkageError e) {
      return result(job, null, TaskResult.FAILED, "evaluation failed: " + e, t0, deviceName);
    }
  }

  private static TaskResult result(
      TrainerJob job, Double bpb, String status, String error, long t0, String device) {
    return new TaskResult(
        job.taskId(),
        bpb,
        null,
        0L,
        TrainerEvents.round((System.nanoTime() - t0) / 1e9, 3),
        device,
        status,
        error,
        false,
        0L,
        List.of());
  }
}
