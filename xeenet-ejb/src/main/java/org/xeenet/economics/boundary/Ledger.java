package org.xeenet.economics.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.xeenet.economics.control.Accounts;
import org.xeenet.economics.control.LedgerAudit;
import org.xeenet.economics.control.LedgerAudit.TransactionSum;
import org.xeenet.economics.control.Transfer;
import org.xeenet.economics.control.Transfer.Leg;
import org.xeenet.economics.entity.LedgerTransaction;
import org.xeenet.economics.entity.Posting;

/**
 * The double-entry ledger: writes balanced transfers (each at most once per kind and reference),
 * reads balances as sums of postings, and audits the whole ledger. Nothing here updates or deletes
 * a row; the tables refuse it anyway (V3__economics.sql).
 */
@Stateless
public class Ledger {
  private static final Logger LOG = Logger.getLogger(Ledger.class.getName());

  @PersistenceContext EntityManager em;

  /**
   * Writes the transfer in the caller's transaction. Answers the written transaction, or empty when
   * nothing moves or a transaction of the same kind and reference already exists.
   */
  public Optional<LedgerTransaction> post(Transfer transfer) {
    if (transfer.isEmpty() || exists(transfer.kind(), transfer.reference())) {
      return Optional.empty();
    }
    LedgerTransaction txn =
        new LedgerTransaction(
            transfer.kind(),
            transfer.reference(),
            transfer.campaignId(),
            transfer.workerId(),
            transfer.memo(),
            Instant.now());
    em.persist(txn);
    // the postings reference the transaction: write it first
    em.flush();
    for (Leg leg : transfer.legs()) {
      em.persist(new Posting(txn.id(), leg.account(), leg.amount()));
    }
    em.flush();
    for (Leg leg : transfer.legs()) {
      if (keepsBalance(leg.account())) {
        addToBalance(leg.account(), leg.amount());
      }
    }
    LOG.info(
        () ->
            "ledger "
                + transfer.kind()
                + " "
                + transfer.reference()
                + ": "
                + transfer.legs().stream()
                    .map(l -> l.account() + " " + (l.amount() > 0 ? "+" : "") + l.amount() + " mc")
                    .toList());
    return Optional.of(txn);
  }

  public boolean exists(String kind, String reference) {
    return find(kind, reference).isPresent();
  }

  public Optional<LedgerTransaction> find(String kind, String reference) {
    return em.createQuery(
            "SELECT t FROM LedgerTransaction t WHERE t.kind = :k AND t.reference = :r",
            LedgerTransaction.class)
        .setParameter("k", kind)
        .setParameter("r", reference)
        .getResultStream()
        .findFirst();
  }

  /** The transfer a written transaction made, read back from its postings. */
  public Optional<Transfer> transfer(String kind, String reference) {
    return find(kind, reference)
        .map(
            t ->
                new Transfer(
                    t.kind(),
                    t.reference(),
                    t.campaignId(),
                    t.workerId(),
                    t.memo(),
                    postings(t.id()).stream().map(p -> new Leg(p.account(), p.amount())).toList()));
  }

  public List<Posting> postings(String transactionId) {
    return em.createQuery("SELECT p FROM Posting p WHERE p.transactionId = :t", Posting.class)
        .setParameter("t", transactionId)
        .getResultList();
  }

  /**
   * Escrow accounts keep their balance in a row changed with each posting (a charge reads its
   * campaign's escrow; summing all its postings made a result cost grow with the results before
   * it). Every posting on an escrow account happens under its campaign's lock.
   */
  static boolean keepsBalance(String account) {
    return account.startsWith(Accounts.ESCROW);
  }

  private void addToBalance(String account, long amount) {
    int updated =
        em.createNativeQuery(
                "UPDATE XN_LEDGER_BALANCE SET BALANCE = BALANCE + ?1, POSTINGS = POSTINGS + 1"
                    + " WHERE ACCOUNT = ?2")
            .setParameter(1, amount)
            .setParameter(2, account)
            .executeUpdate();
    if (updated == 0) {
      em.createNativeQuery(
              "INSERT INTO XN_LEDGER_BALANCE (ACCOUNT, BALANCE, POSTINGS) VALUES (?1, ?2, 1)")
          .setParameter(1, account)
          .setParameter(2, amount)
          .executeUpdate();
    }
  }

  /**
   * An account's balance in millicredits: the sum of its postings (for an escrow account, read from
   * its balance row, which the audit checks against that sum).
   */
  public long balance(String account) {
    if (keepsBalance(account)) {
      List<?> kept =
          em.createNativeQuery("SELECT BALANCE FROM XN_LEDGER_BALANCE WHERE ACCOUNT = ?1")
              .setParameter(1, account)
              .getResultList();
      return kept.isEmpty() ? 0 : ((Number) kept.get(0)).longValue();
    }
    return postingSum(account);
  }

  private long postingSum(String account) {
    Long sum =
        em.createQuery("SELECT SUM(p.amount) FROM Posting p WHERE p.account = :a", Long.class)
            .setParameter("a", account)
            .getSingleResult();
    return sum == null ? 0 : sum;
  }

  /** The sum of an account's postings in transactions of these kinds. */
  public long sumOfKinds(String account, List<String> kinds) {
    Long sum =
        em.createQuery(
                "SELECT SUM(p.amount) FROM Posting p, LedgerTransaction t"
                    + " WHERE p.transactionId = t.id AND p.account = :a AND t.kind IN :k",
                Long.class)
            .setParameter("a", account)
            .setParameter("k", kinds)
            .getSingleResult();
    return sum == null ? 0 : sum;
  }

  /**
   * What a campaign cost so far: what its charges paid to workers and the platform, less what
   * clawbacks took back.
   */
  public long campaignCost(String campaignId) {
    Long sum =
        em.createQuery(
                "SELECT SUM(p.amount) FROM Posting p, LedgerTransaction t"
                    + " WHERE p.transactionId = t.id AND t.campaignId = :c AND t.kind IN :k"
                    + " AND (p.account = :platform OR p.account LIKE :worker)",
                Long.class)
            .setParameter("c", campaignId)
            .setParameter("k", List.of(Transfer.CHARGE, Transfer.CLAWBACK))
            .setParameter("platform", org.xeenet.economics.control.Accounts.PLATFORM)
            .setParameter("worker", org.xeenet.economics.control.Accounts.WORKER + "%")
            .getSingleResult();
    return sum == null ? 0 : sum;
  }

  /** Checks that every transaction has postings summing to zero, and the whole ledger too. */
  public LedgerAudit.Report verify() {
    List<TransactionSum> sums = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT t.ID, COUNT(p.ID), COALESCE(SUM(p.AMOUNT), 0) FROM XN_LEDGER_TXN t"
                    + " LEFT JOIN XN_LEDGER_POSTING p ON p.TXN_ID = t.ID GROUP BY t.ID")
            .getResultList()) {
      Object[] columns = (Object[]) row;
      sums.add(
          new TransactionSum(
              (String) columns[0],
              ((Number) columns[1]).longValue(),
              ((Number) columns[2]).longValue()));
    }
    // XN_LEDGER_POSTING.TXN_ID is a foreign key: no posting escapes the join
    LedgerAudit.Report report = LedgerAudit.audit(sums);
    List<String> wrongBalances = wrongBalances();
    if (wrongBalances.isEmpty()) {
      return report;
    }
    LOG.severe(() -> "kept balances differ from their postings: " + wrongBalances);
    List<String> unbalanced = new ArrayList<>(report.unbalanced());
    wrongBalances.forEach(account -> unbalanced.add("balance of " + account));
    return new LedgerAudit.Report(
        false,
        report.transactions(),
        report.postings(),
        report.totalMilli(),
        List.copyOf(unbalanced),
        report.empty());
  }

  /** Escrow accounts whose kept balance row differs from the sum and count of their postings. */
  private List<String> wrongBalances() {
    Map<String, List<Long>> kept = new HashMap<>();
    for (Object row :
        em.createNativeQuery("SELECT ACCOUNT, BALANCE, POSTINGS FROM XN_LEDGER_BALANCE")
            .getResultList()) {
      Object[] c = (Object[]) row;
      kept.put((String) c[0], List.of(((Number) c[1]).longValue(), ((Number) c[2]).longValue()));
    }
    Map<String, List<Long>> summed = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT ACCOUNT, SUM(AMOUNT), COUNT(*) FROM XN_LEDGER_POSTING"
                    + " WHERE ACCOUNT LIKE 'escrow:%' GROUP BY ACCOUNT")
            .getResultList()) {
      Object[] c = (Object[]) row;
      summed.put((String) c[0], List.of(((Number) c[1]).longValue(), ((Number) c[2]).longValue()));
    }
    Set<String> accounts = new TreeSet<>(kept.keySet());
    accounts.addAll(summed.keySet());
    List<String> wrong = new ArrayList<>();
    for (String account : accounts) {
      if (!Objects.equals(kept.get(account), summed.get(account)) && wrong.size() < 100) {
        wrong.add(account);
      }
    }
    return wrong;
  }

  /** Number of distinct accounts with postings. */
  public long accounts() {
    return em.createQuery("SELECT COUNT(DISTINCT p.account) FROM Posting p", Long.class)
        .getSingleResult();
  }
}
