package org.xeenet.search.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {
  /** A test function of the char-LM space with its optimum at lr 1e-3, dropout 0, 3 layers. */
  static double objective(Map<String, Object> c) {
    double lr = Math.log10((Double) c.get("learning_rate")) + 3;
    double dropout = (Double) c.get("dropout") / 0.2;
    double layers = ((Integer) c.get("n_layer") - 3) / 3.0;
    return 1.5 + lr * lr + dropout * dropout + layers * layers;
  }

  @Test
  void laterSuggestionsConcentrateOnTheOptimum() {
    CharLMSearchSpace space = SamplersTest.space(null);
    double tpeTail = 0;
    double randomTail = 0;
    for (long seed = 1; seed <= 3; seed++) {
      TpeSampler tpe = new TpeSampler(space, seed);
      CharLMConfigGenerator random = new CharLMConfigGenerator(space, seed);
      List<TpeSampler.Observation> history = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        Map<String, Object> c = tpe.suggest(i, history).config();
        double y = objective(c);
        history.add(new TpeSampler.Observation(c, y));
        if (i >= 40) {
          tpeTail += y;
          randomTail += objective(random.generate(i).config());
        }
      }
    }
    // the last 20 suggestions are much closer to the optimum (1.5) than random draws
    assertThat(tpeTail - 60 * 1.5).isLessThan(0.5 * (randomTail - 60 * 1.5));
  }

  @Test
  void beforeEnoughResultsItDrawsAtRandom() {
    CharLMSearchSpace space = SamplersTest.space(null);
    assertThat(new TpeSampler(space, 9).suggest(2, List.of()))
        .isEqualTo(new CharLMConfigGenerator(space, 9).generate(2));
  }

  @Test
  void theErrorFunctionIsAccurate() {
    assertThat(TpeSampler.erf(0.5))
        .isCloseTo(0.5204998778, org.assertj.core.api.Assertions.within(2e-7));
    assertThat(TpeSampler.phi(-1.0))
        .isCloseTo(0.1586552539, org.assertj.core.api.Assertions.within(2e-7));
  }
}
