package org.xeenet.worker.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xeenet.api.TaskResult;

/** Real training on the shipped dataset with a tiny model for 80 steps. */
class CharLmTrainerTest {
  @Test
  void learnsWithinTheBudgetAndLeaksNoArrays() throws Exception {
    // a step budget, not a time budget: the test must not depend on the machine's speed
    TrainerJob job = TestData.tinyJob("t-real", 600);
    job.config().put("max_steps", 80);
    CharDataset data = CharDataset.load(TestData.dataset());
    assertThat(data.vocabSize()).isEqualTo(65);
    List<String> lines = new ArrayList<>();
    CharLmTrainer trainer =
        new CharLmTrainer(job, TrainerConfig.parse(job.config()), data, lines::add, () -> false)
            .progressInterval(0.0);
    TaskResult r = trainer.run();

    assertThat(r.status()).isEqualTo(TaskResult.COMPLETED);
    assertThat(trainer.stopReason()).isEqualTo("max_steps");
    assertThat(r.stepsCompleted()).isEqualTo(80);
    assertThat(r.valBpb()).isFinite().isLessThan(Math.log(65) / Math.log(2)).isGreaterThan(1.0);
    assertThat(r.tokensProcessed()).isEqualTo(r.stepsCompleted() * 8 * 32);
    assertThat(r.deviceUsed()).isEqualTo("cpu");
    List<TrainerEvents.Progress> progress =
        lines.stream()
            .map(TrainerEvents::parse)
            .filter(TrainerEvents.Progress.class::isInstance)
            .map(TrainerEvents.Progress.class::cast)
            .toList();
    assertThat(progress).hasSizeGreaterThan(3);
    double first = progress.get(0).trainLoss();
    assertThat(r.trainLoss()).isLessThan(first - 0.1);
    assertThat(r.curve()).isNotEmpty();
    assertThat(r.curve().get(r.curve().size() - 1).valBpb()).isEqualTo(r.valBpb());
    // one sub-manager per step: the live arrays stay flat
    assertThat(trainer.liveArraysEarly()).isPositive();
    assertThat(trainer.liveArraysLate()).isEqualTo(trainer.liveArraysEarly());
  }

  @Test
  void badConfigBecomesAFailedResult() {
    TrainerJob job = TestData.tinyJob("t-bad", 5);
    job.config().put("n_head", 3);
    List<String> lines = new ArrayList<>();
    TaskResult r = TrainerMain.runJob(job, lines::add, () -> false);
    assertThat(r.status()).isEqualTo(TaskResult.FAILED);
    assertThat(r.error()).contains("divisible by n_head");
    assertThat(TrainerEvents.parse(lines.get(lines.size() - 1)))
        .isInstanceOf(TrainerEvents.Result.class);
  }

  @Test
  void validationBatchesAreFixed() throws Exception {
    CharDataset data = CharDataset.load(TestData.dataset());
    int n = data.valBatchCount(16, 64, 40);
    assertThat(n).isEqualTo(40);
    assertThat(data.valBatch(3, n, 16, 64).inputs())
        .isEqualTo(data.valBatch(3, n, 16, 64).inputs());
    assertThat(data.trainLength() + data.valLength()).isEqualTo(1115394);
  }

  @Test
  void theFullSplitCoversEveryValidationCharOnce() throws Exception {
    CharDataset data = CharDataset.load(TestData.dataset());
    int block = 64;
    int windows = data.fullValWindows(block);
    assertThat(windows).isEqualTo((data.valLength() - 1) / block);
    // consecutive windows: every input but the first is the previous target, so each char is
    // predicted exactly once
    CharDataset.Batch all = data.fullValBatch(0, windows, block);
    assertThat(all.targets()).hasSize(windows * block);
    for (int i = 0; i + 1 < all.inputs().length; i++) {
      assertThat(all.inputs()[i + 1]).isEqualTo(all.targets()[i]);
    }
    CharDataset.Batch tail = data.fullValBatch(windows - 3, 3, block);
    assertThat(tail.targets()[3 * block - 1]).isEqualTo(all.targets()[windows * block - 1]);
  }
}
