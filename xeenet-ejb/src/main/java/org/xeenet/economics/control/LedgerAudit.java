package org.xeenet.economics.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the whole ledger: every transaction has postings and they sum to zero, so all accounts
 * together sum to zero too.
 */
public final class LedgerAudit {
  static final int MAX_LISTED = 100;

  private LedgerAudit() {}

  /** One transaction as read back: how many postings it has and what they sum to. */
  public record TransactionSum(String transactionId, long postings, long sumMilli) {}

  /**
   * The verdict.
   *
   * @param balanced every transaction has postings summing to zero, and so does the whole ledger
   * @param unbalanced ids of transactions whose postings do not sum to zero (at most 100 listed)
   * @param empty ids of transactions without postings (at most 100 listed)
   */
  public record Report(
      boolean balanced,
      long transactions,
      long postings,
      long totalMilli,
      List<String> unbalanced,
      List<String> empty) {}

  public static Report audit(List<TransactionSum> sums) {
    long postings = 0;
    long total = 0;
    boolean balanced = true;
    List<String> unbalanced = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    for (TransactionSum t : sums) {
      postings += t.postings();
      total = Math.addExact(total, t.sumMilli());
      if (t.postings() == 0) {
        balanced = false;
        if (empty.size() < MAX_LISTED) {
          empty.add(t.transactionId());
        }
      } else if (t.sumMilli() != 0) {
        balanced = false;
        if (unbalanced.size() < MAX_LISTED) {
          unbalanced.add(t.transactionId());
        }
      }
    }
    return new Report(
        balanced && total == 0,
        sums.size(),
        postings,
        total,
        List.copyOf(unbalanced),
        List.copyOf(empty));
  }
}
