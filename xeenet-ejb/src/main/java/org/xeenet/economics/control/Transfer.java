package org.xeenet.economics.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One ledger transaction before it is written: a kind, a reference that makes it unique (with the
 * kind), and legs in millicredits that sum to zero. Legs on the same account are merged and zero
 * legs dropped, so a transfer is either empty (nothing moves: not written) or balanced with at
 * least two accounts.
 */
public record Transfer(
    String kind,
    String reference,
    String campaignId,
    String workerId,
    String memo,
    List<Leg> legs) {

  /** Kinds of transaction. */
  public static final String GRANT = "GRANT";

  public static final String HOLD = "HOLD";
  public static final String CHARGE = "CHARGE";
  public static final String REFUND = "REFUND";
  public static final String CLAWBACK = "CLAWBACK";

  /** One posting: an amount in millicredits on an account (positive: the account receives). */
  public record Leg(String account, long amount) {}

  public Transfer {
    if (kind == null || kind.isBlank() || kind.length() > 20) {
      throw new IllegalArgumentException("a transfer needs a kind of 1 to 20 characters");
    }
    if (reference == null || reference.isBlank() || reference.length() > 200) {
      throw new IllegalArgumentException("a transfer needs a reference of 1 to 200 characters");
    }
    Map<String, Long> merged = new LinkedHashMap<>();
    for (Leg leg : legs) {
      if (!Accounts.isValid(leg.account())) {
        throw new IllegalArgumentException("not a ledger account: " + leg.account());
      }
      merged.merge(leg.account(), leg.amount(), Math::addExact);
    }
    List<Leg> kept = new ArrayList<>();
    long sum = 0;
    for (Map.Entry<String, Long> e : merged.entrySet()) {
      if (e.getValue() != 0) {
        kept.add(new Leg(e.getKey(), e.getValue()));
        sum = Math.addExact(sum, e.getValue());
      }
    }
    if (sum != 0) {
      throw new IllegalArgumentException(
          "the postings of a " + kind + " transfer sum to " + sum + " millicredits, not zero");
    }
    legs = List.copyOf(kept);
  }

  /** A transfer of {@code amount} millicredits from one account to another. */
  public static Transfer move(
      String kind,
      String reference,
      String campaignId,
      String workerId,
      String memo,
      String from,
      String to,
      long amount) {
    if (amount < 0) {
      throw new IllegalArgumentException("a move is of a non-negative amount: " + amount);
    }
    return new Transfer(
        kind,
        reference,
        campaignId,
        workerId,
        memo,
        List.of(new Leg(from, -amount), new Leg(to, amount)));
  }

  /** Nothing moves: the transfer is not written. */
  public boolean isEmpty() {
    return legs.isEmpty();
  }

  /** The amount this transfer puts on (positive) or takes from (negative) an account. */
  public long amountOn(String account) {
    return legs.stream().filter(l -> l.account().equals(account)).mapToLong(Leg::amount).sum();
  }

  /**
   * The reversal of this transfer: every leg negated, except that what it took from {@code
   * fromAccount} goes back to {@code toAccount} (a clawback refunds the researcher, not the escrow,
   * which may be closed).
   */
  public Transfer reversal(String reversalKind, String memo, String fromAccount, String toAccount) {
    List<Leg> reversed = new ArrayList<>();
    for (Leg leg : legs) {
      String account = leg.account().equals(fromAccount) ? toAccount : leg.account();
      reversed.add(new Leg(account, -leg.amount()));
    }
    return new Transfer(reversalKind, reference, campaignId, workerId, memo, reversed);
  }
}
