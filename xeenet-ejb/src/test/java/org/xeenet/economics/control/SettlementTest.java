package org.xeenet.economics.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xeenet.economics.control.Transfer.Leg;

class SettlementTest {
  @Test
  void theResearcherPaysComputeAndFeeTheWorkerGetsComputeAndBonus() {
    Settlement s = Settlement.of(10_000, 1_000, 1_000_000, Tariff.DEFAULT);
    assertThat(s).isEqualTo(new Settlement(10_000, 500, 1_000, false));
    assertThat(s.chargedMilli()).isEqualTo(10_500);
    assertThat(s.earnedMilli()).isEqualTo(11_000);
    assertThat(s.legs("escrow:c", "worker:w"))
        .containsExactly(
            new Leg("escrow:c", -10_500), new Leg("worker:w", 11_000), new Leg("platform", -500));
    assertThat(s.legs("escrow:c", "worker:w").stream().mapToLong(Leg::amount).sum()).isZero();
  }

  @Test
  void aChargeNeverTakesMoreThanTheEscrowHolds() {
    Settlement s = Settlement.of(10_000, 1_000, 5_250, Tariff.DEFAULT);
    assertThat(s.capped()).isTrue();
    assertThat(s.chargedMilli()).isEqualTo(5_250);
    assertThat(s.computeMilli()).isEqualTo(5_000);
    assertThat(s.bonusMilli()).isEqualTo(500);
    Settlement empty = Settlement.of(10_000, 1_000, 0, Tariff.DEFAULT);
    assertThat(empty.chargedMilli()).isZero();
    assertThat(empty.earnedMilli()).isZero();
    Transfer nothing =
        new Transfer(Transfer.CHARGE, "l", "c", "w", null, empty.legs("escrow:c", "worker:w"));
    assertThat(nothing.isEmpty()).isTrue();
  }

  @Test
  void everySettlementBalances() {
    for (long compute = 0; compute < 5_000; compute += 37) {
      for (long escrow : new long[] {0, 1, 999, 2_500, 10_000}) {
        Settlement s = Settlement.of(compute, compute / 10, escrow, Tariff.DEFAULT);
        assertThat(s.legs("escrow:c", "worker:w").stream().mapToLong(Leg::amount).sum()).isZero();
        assertThat(s.chargedMilli()).isLessThanOrEqualTo(Math.max(escrow, 0));
        assertThat(s.computeMilli()).isBetween(0L, compute);
      }
    }
  }
}
