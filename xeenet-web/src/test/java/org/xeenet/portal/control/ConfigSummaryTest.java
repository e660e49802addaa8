package org.xeenet.portal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSummaryTest {

  private static Map<String, Object> config() {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("n_layer", new BigDecimal("2"));
    c.put("n_head", 4);
    c.put("n_embd", 128L);
    c.put("block_size", 64);
    c.put("batch_size", 16);
    c.put("learning_rate", new BigDecimal("0.00123456"));
    c.put("dropout", 0.05);
    c.put("weight_decay", new BigDecimal("0.010"));
    c.put("warmup_steps", 50);
    return c;
  }

  @Test
  void compactShowsShapeAndTrainingEssentials() {
    assertThat(ConfigSummary.compact(config()))
        .isEqualTo("2L 4H 128E · ctx 64 · bs 16 · lr 1.2e-3 · drop 0.05");
  }

  @Test
  void compactLeavesOutWhatIsMissing() {
    assertThat(ConfigSummary.compact(Map.of("n_layer", 3, "learning_rate", 0.001)))
        .isEqualTo("3L · lr 1e-3");
    assertThat(ConfigSummary.compact(Map.of())).isEmpty();
    assertThat(ConfigSummary.compact(null)).isEmpty();
  }

  @Test
  void fullListsEveryParameterPlainly() {
    assertThat(ConfigSummary.full(config()))
        .isEqualTo(
            "n_layer=2, n_head=4, n_embd=128, block_size=64, batch_size=16,"
                + " learning_rate=0.00123456, dropout=0.05, weight_decay=0.01, warmup_steps=50");
  }

  @Test
  void plainNumbers() {
    assertThat(ConfigSummary.plain(new BigDecimal("64.000"))).isEqualTo("64");
    assertThat(ConfigSummary.plain(new BigDecimal("1E+2"))).isEqualTo("100");
    assertThat(ConfigSummary.plain(3.0e-3)).isEqualTo("0.003");
    assertThat(ConfigSummary.plain(1.5e-7)).isEqualTo("1.5E-7");
    assertThat(ConfigSummary.plain(0.0012345678901234)).isEqualTo("0.00123457");
    assertThat(ConfigSummary.plain(0)).isEqualTo("0");
    assertThat(ConfigSummary.plain(Double.NaN)).isEqualTo("NaN");
    assertThat(ConfigSummary.plain("cosine")).isEqualTo("cosine");
    assertThat(ConfigSummary.plain(true)).isEqualTo("true");
  }

  @Test
  void scientificKeepsTwoSignificantDigits() {
    assertThat(ConfigSummary.scientific(0.0003)).isEqualTo("3e-4");
    assertThat(ConfigSummary.scientific(0.00255)).isEqualTo("2.6e-3");
    assertThat(ConfigSummary.scientific(0)).isEqualTo("0");
  }
}
