package org.xeenet.trust.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.TaskResult;

class PlausibilityTest {
  // 1 layer × 64, context 64, batch 16: 1,024 tokens a step
  static final Map<String, Object> CONFIG =
      Map.of("n_layer", 1, "n_head", 2, "n_embd", 64, "block_size", 64, "batch_size", 16);
  static final Plausibility CHECK = new Plausibility(Plausibility.Limits.DEFAULT);

  static List<CurvePoint> descending(long steps, double seconds) {
    List<CurvePoint> curve = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      curve.add(new CurvePoint(steps * i / 10, seconds * i / 10, 4.2 - 0.15 * i, null));
    }
    return curve;
  }

  static TaskResult result(
      long steps, Long tokens, double wall, double valBpb, Double trainLoss, List<CurvePoint> c) {
    return new TaskResult(
        "t", valBpb, trainLoss, steps, wall, "cpu", "completed", null, false, tokens, c);
  }

  @Test
  void anHonestRunHasNoFindings() {
    // 2,000 steps in 58 s: 35 k tokens/s, on a worker whose benchmark says 37 k tokens/s
    TaskResult honest = result(2_000, 2_048_000L, 58, 2.55, 2.0, descending(2_000, 58));
    assertThat(CHECK.findings(honest, CONFIG, 60, 37_000.0)).isEmpty();
    // no benchmark, no curve: fewer checks, still nothing found
    assertThat(CHECK.findings(result(2_000, 2_048_000L, 58, 2.55, 2.0, null), CONFIG, 60, null))
        .isEmpty();
  }

  @Test
  void moreTokensThanStepsCanCarryIsFound() {
    TaskResult padded = result(100, 2_048_000L, 58, 2.9, 2.2, null);
    assertThat(CHECK.findings(padded, CONFIG, 60, null))
        .anyMatch(f -> f.contains("exceeds steps × batch_size × block_size"));
  }

  @Test
  void aThroughputFarBeyondTheWorkersOwnBenchmarkIsFound() {
    // this model costs 7.3× fewer FLOPs a token than the benchmark's, so a 37 k tokens/s machine
    // may reach ~270 k tokens/s on it, 808 k with the tolerance; 102 M tokens in 58 s is 1.8 M/s
    TaskResult tooFast = result(100_000, 102_400_000L, 58, 2.3, 2.0, null);
    assertThat(CHECK.findings(tooFast, CONFIG, 60, 37_000.0))
        .anyMatch(f -> f.contains("what this worker's benchmark"));
    // the same on a machine that benchmarks 10× faster is believed
    assertThat(CHECK.findings(tooFast, CONFIG, 60, 370_000.0)).isEmpty();
  }

  @Test
  void aSmallerModelMayTrainFasterThanTheBenchmarkModel() {
    Map<String, Object> tiny =
        Map.of("n_layer", 1, "n_embd", 32, "block_size", 32, "batch_size", 8);
    // 400 k tokens/s on tiny vs a 37 k benchmark: the benchmark model costs ~25× more per token
    TaskResult fastTiny = result(90_000, 23_040_000L, 58, 2.6, 2.2, null);
    assertThat(CHECK.findings(fastTiny, tiny, 60, 37_000.0)).isEmpty();
  }

  @Test
  void aRunFarLongerThanItsBudgetOrWithoutWallTimeIsFound() {
    assertThat(CHECK.findings(result(2_000, 2_048_000L, 400, 2.55, 2.0, null), CONFIG, 60, null))
        .anyMatch(f -> f.contains("far beyond the time budget of 60 s"));
    assertThat(CHECK.findings(result(2_000, 2_048_000L, 0, 2.55, 2.0, null), CONFIG, 60, null))
        .anyMatch(f -> f.contains("no wall time"));
  }

  @Test
  void aLossCurveThatDoesNotDescendIsFound() {
    List<CurvePoint> flat = new ArrayList<>();
    for (int i = 0; i <= 10; i++) {
      flat.add(new CurvePoint((long) i * 200, i * 5.8, 4.2 + 0.01 * i, null));
    }
    assertThat(CHECK.findings(result(2_000, 2_048_000L, 58, 2.55, 2.0, flat), CONFIG, 60, null))
        .anyMatch(f -> f.contains("does not descend"));
    List<CurvePoint> backwards =
        List.of(
            new CurvePoint(10L, 1.0, 4.0, null),
            new CurvePoint(5L, 2.0, 3.9, null),
            new CurvePoint(30L, 3.0, 3.0, null));
    assertThat(CHECK.findings(result(30, 30_720L, 4, 3.5, 3.0, backwards), CONFIG, 60, null))
        .anyMatch(f -> f.contains("steps go back"));
  }

  @Test
  void aValBpbBeyondWhatTheTrainingCanReachIsFound() {
    // 2 M tokens: the floor is 4.5 − 0.5 · 6.31 = 1.35
    assertThat(CHECK.bpbFloor(2_048_000)).isBetween(1.34, 1.36);
    assertThat(CHECK.findings(result(2_000, 2_048_000L, 58, 1.1, 1.2, null), CONFIG, 60, null))
        .anyMatch(f -> f.contains("below what 2048000 tokens of training can reach"));
    // 50 steps of 1,024 tokens cannot reach 2.0
    assertThat(CHECK.findings(result(50, 51_200L, 2, 2.0, 3.0, null), CONFIG, 60, null))
        .anyMatch(f -> f.contains("below what"));
    // and no amount of training goes below the configured minimum
    assertThat(CHECK.bpbFloor(Long.MAX_VALUE)).isEqualTo(1.0);
  }

  @Test
  void aValidationLossFarBelowTheTrainingLossIsFound() {
    assertThat(CHECK.findings(result(2_000, 2_048_000L, 58, 2.0, 3.0, null), CONFIG, 60, null))
        .anyMatch(f -> f.contains("far below the final train_loss"));
  }
}
