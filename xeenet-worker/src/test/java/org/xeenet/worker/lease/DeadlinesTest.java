package org.xeenet.worker.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
  @Test
  void graceIsAtLeastThirtySecondsOrAQuarterOfTheBudget() {
    assertThat(Deadlines.forBudget(60).graceSeconds()).isEqualTo(30);
    assertThat(Deadlines.forBudget(60).hardSeconds()).isEqualTo(90);
    assertThat(Deadlines.forBudget(400).graceSeconds()).isEqualTo(100);
    assertThat(Deadlines.forBudget(400).hardSeconds()).isEqualTo(500);
    assertThat(Deadlines.forBudget(10).withGrace(2).hardSeconds()).isEqualTo(12);
  }

  @Test
  void heartbeatEveryTenSecondsOrAThirdOfWhatIsLeft() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    assertThat(Deadlines.heartbeatInterval(now, now.plusSeconds(300))).isEqualTo(10);
    assertThat(Deadlines.heartbeatInterval(now, now.plusSeconds(15))).isEqualTo(5);
    assertThat(Deadlines.heartbeatInterval(now, now.plusSeconds(1))).isEqualTo(1);
    assertThat(Deadlines.heartbeatInterval(now, null)).isEqualTo(10);
  }
}
