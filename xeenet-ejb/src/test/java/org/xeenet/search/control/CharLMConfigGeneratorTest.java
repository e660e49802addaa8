package org.xeenet.search.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.search.control.CharLMConfigGenerator.GeneratedConfig;

class CharLMConfigGeneratorTest {

  private static CharLMSearchSpace space(Map<String, Object> overrides) {
    List<FieldError> errors = new ArrayList<>();
    CharLMSearchSpace space = CharLMSearchSpace.withOverrides(overrides, errors);
    assertThat(errors).isEmpty();
    return space;
  }

  @Test
  void everyDrawnValueLiesInItsDomainAndHeadsDivideTheWidth() {
    CharLMSearchSpace space = space(null);
    CharLMConfigGenerator generator = new CharLMConfigGenerator(space, 1234L);
    for (int i = 0; i < 2000; i++) {
      Map<String, Object> config = generator.generate(i).config();
      space
          .domains()
          .forEach(
              (name, domain) ->
                  assertThat(domain.contains(config.get(name)))
                      .as(name + "=" + config.get(name))
                      .isTrue());
      assertThat((Integer) config.get("n_embd") % (Integer) config.get("n_head")).isZero();
      double lr = (Double) config.get("learning_rate");
      assertThat(lr).isBetween(1e-4, 3e-3);
    }
  }

  @Test
  void learningRateIsLogUniform() {
    CharLMConfigGenerator generator = new CharLMConfigGenerator(space(null), 99L);
    int below = 0;
    int n = 4000;
    double geometricMiddle = Math.sqrt(1e-4 * 3e-3);
    for (int i = 0; i < n; i++) {
      if ((Double) generator.generate(i).config().get("learning_rate") < geometricMiddle) {
        below++;
      }
    }
    // half the draws below the geometric middle (a uniform draw would put ~15% there)
    assertThat(below / (double) n).isBetween(0.45, 0.55);
  }

  @Test
  void seedsAreUniqueWithinACampaign() {
    CharLMConfigGenerator generator = new CharLMConfigGenerator(space(null), Long.MAX_VALUE);
    Set<Long> seeds = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      long seed = generator.generate(i).seed();
      assertThat(seed).isBetween(0L, (long) Integer.MAX_VALUE);
      seeds.add(seed);
    }
    assertThat(seeds).hasSize(10_000);
  }

  @Test
  void theSameCampaignSeedDrawsTheSameTasksInAnyOrder() {
    CharLMConfigGenerator first = new CharLMConfigGenerator(space(null), 42L);
    CharLMConfigGenerator second = new CharLMConfigGenerator(space(null), 42L);
    List<GeneratedConfig> forward = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      forward.add(first.generate(i));
    }
    for (int i = 49; i >= 0; i--) {
      assertThat(second.generate(i)).isEqualTo(forward.get(i));
    }
    CharLMConfigGenerator other = new CharLMConfigGenerator(space(null), 43L);
    assertThat(other.generate(0)).isNotEqualTo(forward.get(0));
  }

  @Test
  void overridesFixChooseOrRangeAParameter() {
    CharLMSearchSpace space =
        space(
            Map.of(
                "n_layer", 2,
                "n_embd", List.of(64, 128),
                "dropout", Map.of("low", 0.05, "high", 0.1),
                "block_size", Map.of("low", 16, "high", 24)));
    CharLMConfigGenerator generator = new CharLMConfigGenerator(space, 7L);
    for (int i = 0; i < 500; i++) {
      Map<String, Object> config = generator.generate(i).config();
      assertThat(config.get("n_layer")).isEqualTo(2);
      assertThat(config.get("n_embd")).isIn(64, 128);
      assertThat((Double) config.get("dropout")).isBetween(0.05, 0.1);
      assertThat((Integer) config.get("block_size")).isBetween(16, 24);
    }
  }

  @Test
  void badOverridesAreReportedPerParameter() {
    List<FieldError> errors = new ArrayList<>();
    CharLMSearchSpace.withOverrides(
        Map.of(
            "depth", 3,
            "n_layer", 1.5,
            "dropout", Map.of("low", 0.5, "high", 0.1),
            "learning_rate", Map.of("low", 0.0, "high", 0.1, "log", true),
            "batch_size", List.of()),
        errors);
    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactlyInAnyOrder(
            "search_space.depth",
            "search_space.n_layer",
            "search_space.dropout",
            "search_space.learning_rate",
            "search_space.batch_size");
  }

  @Test
  void headsThatDivideNoWidthAreRefused() {
    List<FieldError> errors = new ArrayList<>();
    CharLMSearchSpace.withOverrides(Map.of("n_head", 3, "n_embd", List.of(32, 64)), errors);
    assertThat(errors).extracting(FieldError::field).containsExactly("search_space.n_head");
  }

  @Test
  void aNegativeIndexIsRefused() {
    assertThatThrownBy(() -> new CharLMConfigGenerator(space(null), 1L).generate(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
