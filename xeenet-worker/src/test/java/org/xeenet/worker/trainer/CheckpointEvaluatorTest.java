package org.xeenet.worker.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xeenet.api.TaskResult;
import org.xeenet.worker.dataset.DatasetCache;

/** The evaluate-only mode the trust agent's verification runs on an uploaded checkpoint. */
class CheckpointEvaluatorTest {
  @Test
  void recomputesTheValBpbOfItsCheckpointAndRefusesAnotherConfigsWeights(@TempDir Path dir)
      throws Exception {
    Map<String, Object> cfg = TestData.tinyConfig();
    cfg.put("max_steps", 12);
    Path ckpt = dir.resolve("final.params");
    TrainerJob job =
        new TrainerJob(
            "t-eval", "c", cfg, List.of(3L), 600.0, TestData.dataset().toString(), ckpt.toString());
    List<String> lines = new ArrayList<>();
    TaskResult trained = TrainerMain.runJob(job, lines::add, () -> false);
    assertThat(trained.status()).isEqualTo(TaskResult.COMPLETED);

    // the result line names the checkpoint: the worker's TaskResult carries its hash
    TrainerEvents.Result line =
        (TrainerEvents.Result) TrainerEvents.parse(lines.get(lines.size() - 1));
    assertThat(line.result().checkpointSha256()).isEqualTo(DatasetCache.sha256Of(ckpt));

    TaskResult recomputed = CheckpointEvaluator.evaluate(job, ckpt);
    assertThat(recomputed.status()).isEqualTo(TaskResult.COMPLETED);
    assertThat(recomputed.stepsCompleted()).isZero();
    assertThat(recomputed.valBpb())
        .isCloseTo(trained.valBpb(), org.assertj.core.data.Offset.offset(1e-3));

    Map<String, Object> other = TestData.tinyConfig();
    other.put("n_embd", 48);
    TaskResult misfit =
        CheckpointEvaluator.evaluate(
            new TrainerJob("t-eval", "c", other, List.of(3L), 600.0, TestData.dataset().toString()),
            ckpt);
    assertThat(misfit.valBpb()).isNull();
    assertThat(misfit.error()).contains("does not fit");
  }
}
