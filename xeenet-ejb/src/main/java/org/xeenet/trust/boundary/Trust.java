package org.xeenet.trust.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xeenet.api.TaskResult;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.trust.control.Plausibility;
import org.xeenet.trust.control.Reputation;
import org.xeenet.trust.entity.TrustEvent;

/**
 * The trust agent: judges the plausibility of validated results, keeps each worker's trust events
 * and derives its reputation and quarantine from them.
 *
 * <p>For the queue: {@link #mayLease(String)} / {@link #requireNotQuarantined(String)} answer
 * whether a worker may still be given leases (one indexed aggregate query).
 */
@Stateless
public class Trust {
  private static final Logger LOG = Logger.getLogger(Trust.class.getName());

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "xeenet.trust.quarantine-below", defaultValue = "0.25")
  double quarantineBelow;

  @Inject
  @ConfigProperty(name = "xeenet.trust.speed-tolerance", defaultValue = "3.0")
  double speedTolerance;

  @Inject
  @ConfigProperty(name = "xeenet.trust.min-val-bpb", defaultValue = "1.0")
  double minBpb;

  Plausibility plausibility() {
    return new Plausibility(
        new Plausibility.Limits(
            speedTolerance,
            Plausibility.Limits.DEFAULT.wallFactor(),
            Plausibility.Limits.DEFAULT.wallGraceSeconds(),
            minBpb));
  }

  /**
   * Judges a result the queue found VALID and records the judgement: a VALID event when it is
   * plausible, an IMPLAUSIBLE one with the findings otherwise. Answers the findings.
   */
  public List<String> judgeValidResult(
      String workerId,
      String leaseId,
      String taskId,
      TaskResult result,
      Map<String, ?> config,
      int timeBudget,
      Double benchmarkTokensPerS,
      Instant now) {
    List<String> findings =
        plausibility().findings(result, config, timeBudget, benchmarkTokensPerS);
    if (findings.isEmpty()) {
      record(workerId, leaseId, taskId, TrustEvent.VALID, Reputation.VALID_WEIGHT, null, now);
    } else {
      record(
          workerId,
          leaseId,
          taskId,
          TrustEvent.IMPLAUSIBLE,
          Reputation.IMPLAUSIBLE_WEIGHT,
          String.join("; ", findings),
          now);
      LOG.warning(
          () ->
              "worker "
                  + workerId
                  + ": result of lease "
                  + leaseId
                  + " is implausible, not credited: "
                  + findings);
    }
    return findings;
  }

  /** The queue judged a result INVALID. */
  public void invalidResult(
      String workerId, String leaseId, String taskId, String reason, Instant now) {
    record(workerId, leaseId, taskId, TrustEvent.INVALID, Reputation.INVALID_WEIGHT, reason, now);
  }

  /** A credited result was later found false. */
  public void clawedBack(
      String workerId, String leaseId, String taskId, String reason, Instant now) {
    record(workerId, leaseId, taskId, TrustEvent.CLAWBACK, Reputation.CLAWBACK_WEIGHT, reason, now);
  }

  /**
   * A result the trust agent's checks (or a replay) proved false that had not been paid: weighs
   * like a clawback.
   */
  public void rejected(String workerId, String leaseId, String taskId, String reason, Instant now) {
    record(workerId, leaseId, taskId, TrustEvent.REJECTED, Reputation.CLAWBACK_WEIGHT, reason, now);
  }

  /** Another worker's check agreed with the result of this lease. */
  public void confirmed(String workerId, String leaseId, String taskId, Instant now) {
    record(workerId, leaseId, taskId, TrustEvent.CONFIRMED, Reputation.VALID_WEIGHT, null, now);
  }

  /** A check a worker ran (under {@code checkLeaseId}) was upheld, or outvoted. */
  public void checkDone(
      String checkerId,
      String checkLeaseId,
      String taskId,
      boolean upheld,
      String detail,
      Instant now) {
    if (upheld) {
      // recorded, weight 0: running honest checks must not launder a cheater's reputation
      record(checkerId, checkLeaseId, taskId, TrustEvent.CHECK_OK, 0, null, now);
    } else {
      record(
          checkerId,
          checkLeaseId,
          taskId,
          TrustEvent.CHECK_WRONG,
          Reputation.INVALID_WEIGHT,
          detail,
          now);
    }
  }

  /** The kinds of a lease's trust events, oldest first. */
  public List<String> eventKinds(String leaseId) {
    return em.createQuery(
            "SELECT e.kind FROM TrustEvent e WHERE e.leaseId = :l ORDER BY e.createdAt",
            String.class)
        .setParameter("l", leaseId)
        .getResultList();
  }

  /** Whether a lease has a trust event of this kind. */
  public boolean hasEvent(String leaseId, String kind) {
    return has(leaseId, kind);
  }

  /** Results of a worker that another worker's check confirmed. */
  public long confirmedResults(String workerId) {
    return em.createQuery(
            "SELECT COUNT(e) FROM TrustEvent e WHERE e.workerId = :w AND e.kind = :k", Long.class)
        .setParameter("w", workerId)
        .setParameter("k", TrustEvent.CONFIRMED)
        .getSingleResult();
  }

  private void record(
      String workerId,
      String leaseId,
      String taskId,
      String kind,
      double weight,
      String detail,
      Instant now) {
    if (has(leaseId, kind)) {
      return;
    }
    boolean wasQuarantined = reputation(workerId).quarantined();
    em.persist(new TrustEvent(workerId, leaseId, taskId, kind, weight, detail, now));
    em.flush();
    Reputation after = reputation(workerId);
    if (after.quarantined() && !wasQuarantined) {
      LOG.warning(
          () ->
              String.format(
                  Locale.ROOT,
                  "worker %s quarantined: reputation %.3f below %.2f",
                  workerId,
                  after.score(),
                  quarantineBelow));
    }
  }

  private boolean has(String leaseId, String kind) {
    return !em.createQuery(
            "SELECT e.kind FROM TrustEvent e WHERE e.leaseId = :l AND e.kind = :k", String.class)
        .setParameter("l", leaseId)
        .setParameter("k", kind)
        .getResultList()
        .isEmpty();
  }

  /** A worker's reputation, derived from its trust events. */
  public Reputation reputation(String workerId) {
    double good = 0;
    double bad = 0;
    double falseValid = 0;
    for (Object[] row :
        em.createQuery(
                "SELECT e.kind, SUM(e.weight), COUNT(e) FROM TrustEvent e WHERE e.workerId = :w"
                    + " GROUP BY e.kind",
                Object[].class)
            .setParameter("w", workerId)
            .getResultList()) {
      double weight = ((Number) row[1]).doubleValue();
      if (TrustEvent.isGood((String) row[0])) {
        good += weight;
      } else {
        bad += weight;
      }
      if (TrustEvent.CLAWBACK.equals(row[0])) {
        // a clawed-back result had been counted VALID when it was paid: that was false
        falseValid += ((Number) row[2]).doubleValue() * Reputation.VALID_WEIGHT;
      }
    }
    return Reputation.of(Math.max(0, good - falseValid), bad, quarantineBelow);
  }

  /** Validated results of a worker that were not clawed back. */
  public long validatedResults(String workerId) {
    List<Object[]> rows =
        em.createQuery(
                "SELECT e.kind, COUNT(e) FROM TrustEvent e WHERE e.workerId = :w"
                    + " AND e.kind IN :k GROUP BY e.kind",
                Object[].class)
            .setParameter("w", workerId)
            .setParameter("k", List.of(TrustEvent.VALID, TrustEvent.CLAWBACK))
            .getResultList();
    long count = 0;
    for (Object[] row : rows) {
      long n = ((Number) row[1]).longValue();
      count += TrustEvent.VALID.equals(row[0]) ? n : -n;
    }
    return Math.max(0, count);
  }

  /** Validated results per worker (not clawed back), for the leaderboard. */
  public Map<String, Long> validatedResultsByWorker() {
    Map<String, Long> counts = new java.util.HashMap<>();
    for (Object[] row :
        em.createQuery(
                "SELECT e.workerId, e.kind, COUNT(e) FROM TrustEvent e WHERE e.kind IN :k"
                    + " GROUP BY e.workerId, e.kind",
                Object[].class)
            .setParameter("k", List.of(TrustEvent.VALID, TrustEvent.CLAWBACK))
            .getResultList()) {
      long n = ((Number) row[2]).longValue();
      counts.merge((String) row[0], TrustEvent.VALID.equals(row[1]) ? n : -n, Long::sum);
    }
    return counts;
  }

  /** The trust events of a worker, newest first (at most {@code limit}). */
  public List<TrustEvent> events(String workerId, int limit) {
    return em.createQuery(
            "SELECT e FROM TrustEvent e WHERE e.workerId = :w ORDER BY e.createdAt DESC",
            TrustEvent.class)
        .setParameter("w", workerId)
        .setMaxResults(Math.max(1, Math.min(limit, 500)))
        .getResultList();
  }

  /** Whether the worker may be given leases: false once it is quarantined. */
  public boolean mayLease(String workerId) {
    return !reputation(workerId).quarantined();
  }

  /** Throws 403 for a quarantined worker. */
  public void requireNotQuarantined(String workerId) {
    Reputation reputation = reputation(workerId);
    if (reputation.quarantined()) {
      throw new ForbiddenException(
          String.format(
              Locale.ROOT,
              "worker %s is quarantined: its reputation %.3f is below %.2f after invalid,"
                  + " implausible or clawed-back results",
              workerId,
              reputation.score(),
              quarantineBelow));
    }
  }
}
