package org.xeenet.economics.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeteringTest {
  // the start-up benchmark's model: 2 layers × 128, context 64, vocabulary 65
  static final Map<String, Object> GPT_2x128 =
      Map.of("n_layer", 2, "n_head", 4, "n_embd", 128, "block_size", 64, "batch_size", 16);

  @Test
  void parametersAreTheBlocksAndTheHead() {
    // 12 · 2 · 128² + 65 · 128
    assertThat(Metering.parameters(GPT_2x128)).isEqualTo(393_216 + 8_320);
  }

  @Test
  void trainingFlopsPerTokenAreSixTimesTheParametersPlusAttention() {
    double expected = 6 * (393_216 + 8_320) + 6 * 2 * 64 * 128;
    assertThat(Metering.trainingFlopsPerToken(GPT_2x128)).isEqualTo(expected);
    assertThat(expected).isEqualTo(2_507_520);
  }

  @Test
  void configNumbersMayComeAsJsonDecimalsAndAVocabularyOverridesTheDefault() {
    Map<String, Object> json =
        Map.of(
            "n_layer", new BigDecimal("2"),
            "n_embd", new BigDecimal("128"),
            "block_size", new BigDecimal("64"),
            "vocab_size", 256);
    assertThat(Metering.parameters(json)).isEqualTo(393_216 + 256 * 128);
    assertThatThrownBy(() -> Metering.parameters(Map.of("n_layer", 2)))
        .hasMessageContaining("n_embd");
  }

  @Test
  void creditsAreTokensTimesFlopsPerTokenInTeraflops() {
    // STACK.md's measured run: 3,000 steps × 16 × 64 = 3,072,000 tokens of this model
    long milli = Metering.computeMilli(GPT_2x128, 3_072_000, Tariff.DEFAULT);
    assertThat(Credits.fromMilli(milli)).isCloseTo(7.703, within(0.001));
    assertThat(Metering.computeMilli(GPT_2x128, 0, Tariff.DEFAULT)).isZero();
  }

  @Test
  void aQuickReturnIsWithinHalfTheLeaseWindowAndEarnsTenPercent() {
    // a 60 s task: window 2 × 60 + 60 = 180 s
    assertThat(Metering.isQuickReturn(75, 180, Tariff.DEFAULT)).isTrue();
    assertThat(Metering.isQuickReturn(90, 180, Tariff.DEFAULT)).isTrue();
    assertThat(Metering.isQuickReturn(91, 180, Tariff.DEFAULT)).isFalse();
    assertThat(Metering.bonusMilli(7703, true, Tariff.DEFAULT)).isEqualTo(770);
    assertThat(Metering.bonusMilli(7703, false, Tariff.DEFAULT)).isZero();
  }

  @Test
  void theEstimateIsEveryTaskAtTheReferenceRateForItsBudgetPlusTheFee() {
    // 4 tasks × 60 s × 100 GFLOP/s = 24 TFLOP = 24 credits, + 5 % = 25.2
    assertThat(Metering.estimateMilli(4, 60, 1, Tariff.DEFAULT)).isEqualTo(25_200);
    assertThat(Metering.estimateMilli(4, 60, 3, Tariff.DEFAULT)).isEqualTo(75_600);
  }
}
