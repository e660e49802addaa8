package org.xeenet.search.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.search.control.CharLMConfigGenerator.GeneratedConfig;

/** What every sampler promises: values inside the domains, trainable pairs, reproducibility. */
class SamplersTest {
  static CharLMSearchSpace space(Map<String, Object> overrides) {
    List<FieldError> errors = new ArrayList<>();
    CharLMSearchSpace space = CharLMSearchSpace.withOverrides(overrides, errors);
    assertThat(errors).isEmpty();
    return space;
  }

  static final CharLMSearchSpace NARROWED =
      space(
          Map.of(
              "n_layer", Map.of("low", 1, "high", 6),
              "n_head", List.of(2, 3, 4),
              "n_embd", List.of(48, 64, 96),
              "learning_rate", Map.of("low", 1e-4, "high", 1e-2, "log", true),
              "dropout", 0.1));

  private static Map<String, LongFunction<ConfigSampler>> samplers(CharLMSearchSpace space) {
    return Map.of(
        "random", seed -> new CharLMConfigGenerator(space, seed),
        "sobol", seed -> new SobolConfigGenerator(space, seed),
        "grid", seed -> new GridConfigGenerator(space, seed),
        "tpe", seed -> index -> new TpeSampler(space, seed).suggest(index, history(space, index)));
  }

  /** A deterministic history so TPE runs its model, not its random start. */
  private static List<TpeSampler.Observation> history(CharLMSearchSpace space, int n) {
    CharLMConfigGenerator random = new CharLMConfigGenerator(space, 99);
    List<TpeSampler.Observation> history = new ArrayList<>();
    for (int i = 0; i < Math.min(n, 12) + TpeSampler.STARTUP; i++) {
      Map<String, Object> c = random.generate(i).config();
      history.add(new TpeSampler.Observation(c, (Double) c.get("learning_rate") * 100));
    }
    return history;
  }

  @Test
  void everySamplerStaysInItsDomainsWithTrainablePairs() {
    for (CharLMSearchSpace space : List.of(NARROWED, space(null))) {
      samplers(space)
          .forEach(
              (name, sampler) -> {
                ConfigSampler s = sampler.apply(1234L);
                for (int i = 0; i < 200; i++) {
                  GeneratedConfig g = s.generate(i);
                  assertThat(g.index()).isEqualTo(i);
                  space
                      .domains()
                      .forEach(
                          (p, domain) ->
                              assertThat(domain.contains(g.config().get(p)))
                                  .as("%s: %s = %s", name, p, g.config().get(p))
                                  .isTrue());
                  assertThat(
                          (Integer) g.config().get("n_embd") % (Integer) g.config().get("n_head"))
                      .as(name)
                      .isZero();
                }
              });
    }
  }

  @Test
  void everySamplerIsReproducibleFromTheCampaignSeed() {
    samplers(NARROWED)
        .forEach(
            (name, sampler) -> {
              for (int i : new int[] {0, 3, 17, 150}) {
                assertThat(sampler.apply(77L).generate(i))
                    .as(name)
                    .isEqualTo(sampler.apply(77L).generate(i));
              }
              Set<Map<String, Object>> a = new HashSet<>();
              Set<Map<String, Object>> b = new HashSet<>();
              for (int i = 0; i < 20; i++) {
                a.add(sampler.apply(77L).generate(i).config());
                b.add(sampler.apply(78L).generate(i).config());
              }
              assertThat(a).as(name).isNotEqualTo(b);
            });
  }

  @Test
  void seedsAreUniqueWithinACampaign() {
    samplers(NARROWED)
        .forEach(
            (name, sampler) -> {
              Set<Long> seeds = new HashSet<>();
              ConfigSampler s = sampler.apply(5L);
              for (int i = 0; i < 500; i++) {
                seeds.add(s.generate(i).seed());
              }
              assertThat(seeds).as(name).hasSize(500);
            });
  }

  @Test
  void sobolCoversEachRangeEvenly() {
    CharLMSearchSpace space = space(Map.of("dropout", Map.of("low", 0.0, "high", 0.2)));
    SobolConfigGenerator sobol = new SobolConfigGenerator(space, 3L);
    int[] cells = new int[16];
    for (int i = 0; i < 16 * 8 - 1; i++) {
      cells[(int) ((Double) sobol.generate(i).config().get("dropout") / 0.2 * 16)]++;
    }
    for (int c : cells) {
      assertThat(c).isBetween(7, 9);
    }
  }

  @Test
  void gridVisitsEveryPointOnceBeforeRepeating() {
    CharLMSearchSpace space =
        space(
            Map.of(
                "n_layer",
                List.of(1, 2),
                "n_head",
                List.of(2, 3),
                "n_embd",
                List.of(32, 48),
                "block_size",
                64,
                "batch_size",
                16,
                "learning_rate",
                Map.of("low", 1e-4, "high", 1e-2, "log", true),
                "dropout",
                0.0,
                "weight_decay",
                0.0,
                "warmup_steps",
                20));
    GridConfigGenerator grid = new GridConfigGenerator(space, 11L);
    // layers 2 x valid (heads, width) pairs {(2,32), (2,48), (3,48)} x 3 learning rates
    assertThat(grid.size()).isEqualTo(2 * 3 * 3);
    Set<Map<String, Object>> seen = new HashSet<>();
    for (int i = 0; i < grid.size(); i++) {
      seen.add(grid.generate(i).config());
    }
    assertThat(seen).hasSize(18);
    assertThat(seen.stream().map(c -> (Double) c.get("learning_rate")).distinct().sorted())
        .satisfiesExactly(
            lr -> assertThat(lr).isEqualTo(1e-4),
            lr -> assertThat(lr).isCloseTo(1e-3, org.assertj.core.api.Assertions.within(1e-12)),
            lr -> assertThat(lr).isEqualTo(1e-2));
    assertThat(grid.generate(18).config()).isEqualTo(grid.generate(0).config());
    assertThat(grid.generate(18).seed()).isNotEqualTo(grid.generate(0).seed());
  }
}
