package org.xeenet.search.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SobolSequenceTest {
  @Test
  void theFirstPointsAreTheKnownSobolPoints() {
    SobolSequence sobol = new SobolSequence(2);
    double[][] expected = {
      {0, 0},
      {0.5, 0.5},
      {0.75, 0.25},
      {0.25, 0.75},
      {0.375, 0.375},
      {0.875, 0.875},
      {0.625, 0.125},
      {0.125, 0.625}
    };
    for (int i = 0; i < expected.length; i++) {
      assertThat(sobol.point(i)).containsExactly(expected[i], within(1e-12));
    }
  }

  @Test
  void everyDimensionStratifiesTheFirstPowerOfTwoPoints() {
    for (Long seed : new Long[] {null, 42L}) {
      SobolSequence sobol = new SobolSequence(SobolSequence.MAX_DIMENSIONS, seed);
      int m = 7;
      int n = 1 << m;
      for (int d = 0; d < SobolSequence.MAX_DIMENSIONS; d++) {
        Set<Integer> cells = new HashSet<>();
        for (int i = 0; i < n; i++) {
          double x = sobol.point(i)[d];
          assertThat(x).isBetween(0.0, 1.0);
          cells.add((int) (x * n));
        }
        assertThat(cells).as("dimension %d", d + 1).hasSize(n);
      }
    }
  }

  @Test
  void pairsOfDimensionsAreNetsInTheUnitSquare() {
    // t = 0 for dimensions 1-2: each of 2^m points in its own (2^a x 2^(m-a)) box
    SobolSequence sobol = new SobolSequence(2);
    int m = 6;
    for (int a = 0; a <= m; a++) {
      Set<Long> boxes = new HashSet<>();
      for (int i = 0; i < (1 << m); i++) {
        double[] p = sobol.point(i);
        boxes.add(((long) (p[0] * (1 << a)) << 32) | (long) (p[1] * (1 << (m - a))));
      }
      assertThat(boxes).hasSize(1 << m);
    }
  }

  @Test
  void aSeedShiftsReproducibly() {
    assertThat(new SobolSequence(9, 7L).point(5))
        .containsExactly(new SobolSequence(9, 7L).point(5));
    assertThat(new SobolSequence(9, 7L).point(5)).isNotEqualTo(new SobolSequence(9, 8L).point(5));
  }
}
