package org.xeenet.economics.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
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

  /** An account's balance in millicredits: the sum of its postings. */
  public long balance(String account) {
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
    return LedgerAudit.audit(sums);
  }

  /** Number of distinct accounts with postings. */
  public long accounts() {
    return em.createQuery("SELECT COUNT(DISTINCT p.account) FROM Posting p", Long.class)
        .getSingleResult();
  }
}
