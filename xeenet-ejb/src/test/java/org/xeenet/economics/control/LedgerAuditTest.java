package org.xeenet.economics.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xeenet.economics.control.LedgerAudit.TransactionSum;

class LedgerAuditTest {
  @Test
  void aLedgerOfBalancedTransactionsIsBalanced() {
    LedgerAudit.Report report =
        LedgerAudit.audit(List.of(new TransactionSum("t1", 2, 0), new TransactionSum("t2", 3, 0)));
    assertThat(report.balanced()).isTrue();
    assertThat(report.transactions()).isEqualTo(2);
    assertThat(report.postings()).isEqualTo(5);
    assertThat(report.totalMilli()).isZero();
    assertThat(report.unbalanced()).isEmpty();
    assertThat(report.empty()).isEmpty();
  }

  @Test
  void anUnbalancedOrEmptyTransactionIsNamed() {
    LedgerAudit.Report report =
        LedgerAudit.audit(
            List.of(
                new TransactionSum("t1", 2, 0),
                new TransactionSum("t2", 2, 5),
                new TransactionSum("t3", 0, 0)));
    assertThat(report.balanced()).isFalse();
    assertThat(report.unbalanced()).containsExactly("t2");
    assertThat(report.empty()).containsExactly("t3");
    assertThat(report.totalMilli()).isEqualTo(5);
  }

  @Test
  void anEmptyLedgerIsBalanced() {
    assertThat(LedgerAudit.audit(List.of()).balanced()).isTrue();
  }
}
