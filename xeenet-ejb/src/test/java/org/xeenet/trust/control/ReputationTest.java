package org.xeenet.trust.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReputationTest {
  static final double T = Reputation.DEFAULT_THRESHOLD;

  @Test
  void aNewWorkerStartsInTheMiddle() {
    Reputation fresh = Reputation.of(0, 0, T);
    assertThat(fresh.score()).isEqualTo(0.5);
    assertThat(fresh.quarantined()).isFalse();
  }

  @Test
  void validResultsRaiseItAndInvalidOnesLowerIt() {
    assertThat(Reputation.of(10, 0, T).score()).isCloseTo(11 / 12.0, within(1e-9));
    assertThat(Reputation.of(10, 1, T).score()).isLessThan(Reputation.of(10, 0, T).score());
    assertThat(Reputation.of(11, 1, T).score()).isGreaterThan(Reputation.of(10, 1, T).score());
  }

  @Test
  void threeInvalidResultsOrOneClawbackWithoutHistoryQuarantine() {
    assertThat(Reputation.of(0, 2 * Reputation.INVALID_WEIGHT, T).quarantined()).isFalse();
    assertThat(Reputation.of(0, 3 * Reputation.INVALID_WEIGHT, T).quarantined()).isTrue();
    assertThat(Reputation.of(0, Reputation.CLAWBACK_WEIGHT, T).quarantined()).isTrue();
    // a long good history survives one clawback
    assertThat(Reputation.of(20, Reputation.CLAWBACK_WEIGHT, T).quarantined()).isFalse();
  }
}
