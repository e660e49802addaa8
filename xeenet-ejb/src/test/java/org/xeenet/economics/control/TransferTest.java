package org.xeenet.economics.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xeenet.economics.control.Transfer.Leg;

class TransferTest {
  @Test
  void aMoveTakesFromOneAccountWhatItGivesTheOther() {
    Transfer t =
        Transfer.move(Transfer.HOLD, "c1", "c1", null, "hold", "researcher:r", "escrow:c1", 24_150);
    assertThat(t.legs())
        .containsExactly(new Leg("researcher:r", -24_150), new Leg("escrow:c1", 24_150));
    assertThat(t.legs().stream().mapToLong(Leg::amount).sum()).isZero();
    assertThat(t.amountOn("escrow:c1")).isEqualTo(24_150);
    assertThat(t.amountOn("platform")).isZero();
  }

  @Test
  void postingsThatDoNotSumToZeroAreRefused() {
    assertThatThrownBy(
            () ->
                new Transfer(
                    Transfer.CHARGE,
                    "l1",
                    "c1",
                    "w1",
                    null,
                    List.of(new Leg("escrow:c1", -1000), new Leg("worker:w1", 999))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum to -1");
  }

  @Test
  void unknownAccountsAndMissingReferencesAreRefused() {
    assertThatThrownBy(
            () -> Transfer.move(Transfer.GRANT, "g", null, null, null, "bank", "platform", 5))
        .hasMessageContaining("not a ledger account: bank");
    assertThatThrownBy(
            () -> Transfer.move(Transfer.GRANT, " ", null, null, null, "platform", "worker:w", 5))
        .hasMessageContaining("reference");
    assertThatThrownBy(
            () -> Transfer.move(Transfer.GRANT, "g", null, null, null, "worker:", "platform", 5))
        .hasMessageContaining("not a ledger account");
    assertThatThrownBy(
            () -> Transfer.move(Transfer.GRANT, "g", null, null, null, "platform", "worker:w", -5))
        .hasMessageContaining("non-negative");
  }

  @Test
  void legsOnOneAccountMergeAndZeroLegsDrop() {
    Transfer t =
        new Transfer(
            Transfer.CHARGE,
            "l1",
            "c1",
            "w1",
            null,
            List.of(
                new Leg("escrow:c1", -1050),
                new Leg("worker:w1", 1000),
                new Leg("worker:w1", 100),
                new Leg("platform", 50),
                new Leg("platform", -100)));
    assertThat(t.legs())
        .containsExactly(
            new Leg("escrow:c1", -1050), new Leg("worker:w1", 1100), new Leg("platform", -50));
    Transfer nothing =
        Transfer.move(Transfer.REFUND, "c1", "c1", null, null, "escrow:c1", "researcher:r", 0);
    assertThat(nothing.isEmpty()).isTrue();
  }

  @Test
  void aReversalNegatesEveryLegAndRefundsTheResearcherInsteadOfTheEscrow() {
    Settlement s = new Settlement(1000, 50, 100, false);
    Transfer charge =
        new Transfer(Transfer.CHARGE, "l1", "c1", "w1", null, s.legs("escrow:c1", "worker:w1"));
    Transfer back = charge.reversal(Transfer.CLAWBACK, "false result", "escrow:c1", "researcher:r");
    assertThat(back.kind()).isEqualTo(Transfer.CLAWBACK);
    assertThat(back.reference()).isEqualTo("l1");
    assertThat(back.legs())
        .containsExactlyInAnyOrder(
            new Leg("researcher:r", 1050), new Leg("worker:w1", -1100), new Leg("platform", 50));
    assertThat(back.legs().stream().mapToLong(Leg::amount).sum()).isZero();
  }
}
