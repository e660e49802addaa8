package org.xeenet.worker.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xeenet.api.TaskResult;
import org.xeenet.worker.dataset.DatasetCache;

/** Step and token budgets, the checkpoint file, weight tying, the result line. */
class BudgetAndCheckpointTest {
  static CharDataset data() throws Exception {
    return CharDataset.load(TestData.dataset());
  }

  @Test
  void stepBudgetStopsExactlyAndWritesALoadableCheckpoint(@TempDir Path dir) throws Exception {
    Map<String, Object> cfg = TestData.tinyConfig();
    cfg.put("max_steps", 7);
    Path ckpt = dir.resolve("ck/final.params");
    TrainerJob job =
        new TrainerJob(
            "t-steps",
            "c",
            cfg,
            List.of(5L),
            600.0,
            TestData.dataset().toString(),
            ckpt.toString());
    List<String> lines = new ArrayList<>();
    TaskResult r = TrainerMain.runJob(job, lines::add, () -> false);
    assertThat(r.status()).isEqualTo(TaskResult.COMPLETED);
    assertThat(r.stepsCompleted()).isEqualTo(7);
    assertThat(r.tokensProcessed()).isEqualTo(7L * 8 * 32);
    TrainerEvents.Result res =
        (TrainerEvents.Result) TrainerEvents.parse(lines.get(lines.size() - 1));
    assertThat(res.stopReason()).isEqualTo("max_steps");
    assertThat(res.checkpointPath()).isEqualTo(ckpt.toAbsolutePath().toString());
    assertThat(lines.get(lines.size() - 1))
        .contains("\"checkpoint_sha256\":\"" + DatasetCache.sha256Of(ckpt));
    assertThat(Files.size(ckpt)).isPositive();
    try (var ds = Files.list(ckpt.getParent())) {
      assertThat(ds.count()).as("no temporary file left").isEqualTo(1);
    }
    // loads into a fresh model of the same shape
    TrainerConfig tc = TrainerConfig.parse(cfg);
    try (Model m = Model.newInstance("reload", "PyTorch")) {
      CharGpt gpt = new CharGpt(65, tc);
      m.setBlock(gpt);
      gpt.initialize(m.getNDManager(), DataType.FLOAT32, new Shape(8, 32));
      Checkpoint.read(gpt, m.getNDManager(), ckpt);
      assertThat(gpt.getParameters().get("wte").getArray().getShape()).isEqualTo(new Shape(65, 32));
    }
  }

  @Test
  void aResumedRunContinuesFromTheCheckpointToTheNewStepBudget(@TempDir Path dir) throws Exception {
    Map<String, Object> cfg = TestData.tinyConfig();
    cfg.put("max_steps", 60);
    Path ckpt = dir.resolve("rung0.params");
    TaskResult first =
        TrainerMain.runJob(
            new TrainerJob(
                "t-rung0",
                "c",
                cfg,
                List.of(5L),
                600.0,
                TestData.dataset().toString(),
                ckpt.toString()),
            l -> {},
            () -> false);
    assertThat(first.status()).isEqualTo(TaskResult.COMPLETED);
    Map<String, Object> promoted = TestData.tinyConfig();
    promoted.put("max_steps", 70);
    TrainerJob resumed =
        new TrainerJob(
                "t-rung1", "c", promoted, List.of(6L), 600.0, TestData.dataset().toString(), null)
            .resumingFrom(ckpt.toString(), 60);
    TaskResult second = TrainerMain.runJob(resumed, l -> {}, () -> false);
    assertThat(second.status()).as(second.error()).isEqualTo(TaskResult.COMPLETED);
    // ten more steps to the new budget; only those are this task's work
    assertThat(second.stepsCompleted()).isEqualTo(70);
    assertThat(second.tokensProcessed()).isEqualTo(10L * 8 * 32);
    assertThat(second.curve().get(0).step()).isEqualTo(61);
    // it starts where the first run ended, not from an untrained model (loss ~4.2 at step 1)
    assertThat(second.curve().get(0).trainLoss())
        .isLessThan(first.curve().get(0).trainLoss() - 0.5);
    // a checkpoint of another shape is refused with a failed result, not a crash
    Map<String, Object> wider = TestData.tinyConfig();
    wider.put("n_embd", 64);
    wider.put("max_steps", 70);
    TaskResult wrong =
        TrainerMain.runJob(
            new TrainerJob("t-bad", "c", wider, List.of(6L), 600.0, TestData.dataset().toString())
                .resumingFrom(ckpt.toString(), 60),
            l -> {},
            () -> false);
    assertThat(wrong.status()).isEqualTo(TaskResult.FAILED);
  }

  @Test
  void tokenBudgetRoundsUpToWholeSteps() throws Exception {
    Map<String, Object> cfg = TestData.tinyConfig();
    cfg.put("max_tokens", 5 * 256 + 1);
    cfg.put("tie_weights", true);
    TrainerJob job =
        new TrainerJob("t-tok", "c", cfg, List.of(5L), 600.0, TestData.dataset().toString());
    TrainerConfig tc = TrainerConfig.parse(cfg);
    assertThat(tc.stepLimit()).isEqualTo(6);
    assertThat(tc.tieWeights()).isTrue();
    CharLmTrainer t = new CharLmTrainer(job, tc, data(), l -> {}, () -> false).finalEvalBatches(2);
    TaskResult r = t.run();
    assertThat(r.status()).isEqualTo(TaskResult.COMPLETED);
    assertThat(r.stepsCompleted()).isEqualTo(6);
    assertThat(r.tokensProcessed()).isEqualTo(6L * 256);
    assertThat(t.stopReason()).isEqualTo("max_tokens");
    assertThat(r.valBpb()).isFinite();
  }

  @Test
  void budgetsParseAndValidate() {
    Map<String, Object> cfg = TestData.tinyConfig();
    cfg.put("max_steps", 100);
    cfg.put("max_tokens", 256 * 10);
    TrainerConfig c = TrainerConfig.parse(cfg);
    assertThat(c.stepLimit()).isEqualTo(10);
    assertThat(c.effectiveWarmup()).isEqualTo(20); // configured
    cfg.remove("max_tokens");
    assertThat(TrainerConfig.parse(cfg).stepLimit()).isEqualTo(100);
    cfg.put("max_tokens", -3);
    cfg.put("tie_weights", "maybe");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> TrainerConfig.parse(cfg))
        .hasMessageContaining("max_tokens")
        .hasMessageContaining("tie_weights");
  }

  @Test
  void flopsPerTokenOfTheBenchConfigs() {
    TrainerConfig small = org.xeenet.worker.bench.BenchConfigs.parsed("small");
    // 6 x (4 x 12 x 128^2 + 65 x 128) + 12 x 4 x 128 x 64
    assertThat(ModelFlops.trainFlopsPerToken(small, 65))
        .isEqualTo(6.0 * (4 * 12 * 128 * 128 + 65 * 128) + 12.0 * 4 * 128 * 64);
  }
}
