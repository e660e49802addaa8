package org.xeenet.economics.control;

/**
 * Ledger account names: {@code worker:<id>}, {@code researcher:<id>}, {@code escrow:<campaign id>}
 * and the one {@code platform} account (issuer of starting grants, receiver of fees, payer of
 * quick-return bonuses).
 */
public final class Accounts {
  public static final String PLATFORM = "platform";
  public static final String WORKER = "worker:";
  public static final String RESEARCHER = "researcher:";
  public static final String ESCROW = "escrow:";

  private Accounts() {}

  public static String worker(String workerId) {
    return WORKER + require(workerId);
  }

  public static String researcher(String researcherId) {
    return RESEARCHER + require(researcherId);
  }

  public static String escrow(String campaignId) {
    return ESCROW + require(campaignId);
  }

  /** Whether the name is one of the four kinds of account. */
  public static boolean isValid(String account) {
    if (account == null) {
      return false;
    }
    if (account.equals(PLATFORM)) {
      return true;
    }
    for (String prefix : new String[] {WORKER, RESEARCHER, ESCROW}) {
      if (account.startsWith(prefix) && account.length() > prefix.length()) {
        return true;
      }
    }
    return false;
  }

  private static String require(String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("an account needs an id");
    }
    return id;
  }
}
