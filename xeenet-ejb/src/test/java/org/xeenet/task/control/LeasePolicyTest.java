package org.xeenet.task.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeasePolicyTest {
  @Test
  void byDefaultALeaseLastsTwiceTheBudgetPlusAMinute() {
    assertThat(LeasePolicy.DEFAULT.leaseDuration(120)).isEqualTo(Duration.ofSeconds(300));
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    assertThat(LeasePolicy.DEFAULT.expiryFrom(now, 60)).isEqualTo(now.plusSeconds(180));
  }

  @Test
  void nonsenseSettingsAreRefused() {
    assertThatThrownBy(() -> new LeasePolicy(0.5, 60, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LeasePolicy(2, -1, 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LeasePolicy(2, 60, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
