package org.xeenet.search.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xeenet.search.control.AshaPlanner.Promotion;
import org.xeenet.search.control.AshaPlanner.Trial;

class AshaPlannerTest {
  private static Trial base(int index, Double value) {
    return new Trial(index, 0, null, Map.of("i", index), value);
  }

  @Test
  void theBestThirdOfARungIsPromoted() {
    AshaPlanner asha = new AshaPlanner(3, 2);
    List<Trial> trials = new ArrayList<>();
    double[] values = {3.1, 2.5, 2.9, 2.2, 3.4, 2.8, 2.4, 3.0, 2.7};
    for (int i = 0; i < values.length; i++) {
      trials.add(base(i, values[i]));
    }
    List<Promotion> promotions = asha.promotions(trials);
    assertThat(promotions).extracting(Promotion::parentIndex).containsExactly(3, 6, 1);
    assertThat(promotions).extracting(Promotion::toRung).containsOnly(1);
    assertThat(promotions)
        .extracting(Promotion::config)
        .containsExactly(Map.of("i", 3), Map.of("i", 6), Map.of("i", 1));
  }

  @Test
  void promotionIsAsynchronousAndOnce() {
    AshaPlanner asha = new AshaPlanner(3, 2);
    List<Trial> trials = new ArrayList<>();
    trials.add(base(0, 2.5));
    trials.add(base(1, 2.9));
    trials.add(base(2, null)); // still running
    assertThat(asha.promotions(trials)).isEmpty();
    trials.add(base(3, 2.7));
    // 3 finished: the best one goes up without waiting for the running one
    assertThat(asha.promotions(trials)).extracting(Promotion::parentIndex).containsExactly(0);
    trials.add(new Trial(4, 1, 0, Map.of(), null));
    assertThat(asha.promotions(trials)).isEmpty();
    for (int i = 5; i < 11; i++) {
      trials.add(base(i, 3.0 + i / 100.0));
    }
    // 9 finished at rung 0: top 3 = 0 (promoted already), 3, 1
    assertThat(asha.promotions(trials)).extracting(Promotion::parentIndex).containsExactly(3, 1);
  }

  @Test
  void higherRungsArePromotedFirstAndTheTopRungNever() {
    AshaPlanner asha = new AshaPlanner(3, 1);
    List<Trial> trials = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      trials.add(new Trial(10 + i, 1, i, Map.of(), 2.0 + i));
      trials.add(base(i, 2.0 + i));
    }
    // rung 1 is the top: nothing above it; rung 0's best already promoted
    assertThat(asha.promotions(trials)).isEmpty();
    AshaPlanner deeper = new AshaPlanner(3, 2);
    assertThat(deeper.promotions(trials)).extracting(Promotion::toRung).containsExactly(2);
  }

  @Test
  void theFractionIsOneInEtaRoundedDown() {
    for (int n : new int[] {1, 2, 3, 8, 9, 10, 27, 100}) {
      for (int eta : new int[] {2, 3, 4}) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          trials.add(base(i, (double) ((i * 37) % n)));
        }
        assertThat(new AshaPlanner(eta, 3).promotions(trials)).hasSize(n / eta);
      }
    }
  }
}
