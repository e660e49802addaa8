package org.xeenet.worker.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainerConfigTest {
  static Map<String, Object> base() {
    Map<String, Object> m = new HashMap<>();
    m.put("n_layer", new BigDecimal("2.0"));
    m.put("n_head", 4);
    m.put("n_embd", 128.0);
    m.put("block_size", 64);
    m.put("batch_size", 16L);
    m.put("learning_rate", 0.001);
    m.put("dropout", 0);
    m.put("weight_decay", new BigDecimal("0.1"));
    return m;
  }

  @Test
  void acceptsAnyJsonNumberAndAppliesDefaults() {
    TrainerConfig c = TrainerConfig.parse(base());
    assertThat(c.nLayer()).isEqualTo(2);
    assertThat(c.nEmbd()).isEqualTo(128);
    assertThat(c.weightDecay()).isEqualTo(0.1);
    assertThat(c.gradClip()).isEqualTo(1.0);
    assertThat(c.effectiveWarmup()).isEqualTo(50);
    assertThat(c.maxSteps()).isNull();
    assertThat(c.tokensPerStep()).isEqualTo(1024);
  }

  @Test
  void warmupDefaultsToFivePercentOfMaxSteps() {
    Map<String, Object> m = base();
    m.put("max_steps", 200);
    assertThat(TrainerConfig.parse(m).effectiveWarmup()).isEqualTo(10);
  }

  @Test
  void rejectsEmbeddingNotDivisibleByHeads() {
    Map<String, Object> m = base();
    m.put("n_head", 3);
    assertThatThrownBy(() -> TrainerConfig.parse(m))
        .isInstanceOf(TrainerConfig.InvalidConfigException.class)
        .hasMessageContaining("divisible");
  }

  @Test
  void listsMissingAndNonIntegralKeys() {
    Map<String, Object> m = base();
    m.remove("block_size");
    m.put("n_layer", 2.5);
    assertThatThrownBy(() -> TrainerConfig.parse(m))
        .hasMessageContaining("block_size is required")
        .hasMessageContaining("n_layer must be an integer");
  }
}
