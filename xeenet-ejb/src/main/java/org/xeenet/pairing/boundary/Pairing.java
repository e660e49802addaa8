package org.xeenet.pairing.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.xeenet.account.control.BearerToken;
import org.xeenet.account.entity.Account;
import org.xeenet.account.entity.AccountRole;
import org.xeenet.economics.boundary.AccountViews.WorkerAccount;
import org.xeenet.economics.boundary.Economics;
import org.xeenet.pairing.control.PairingCodes;
import org.xeenet.pairing.entity.PairingCode;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.problem.GoneException;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.worker.entity.Worker;

/** Pairs workers with volunteer accounts by one-time codes, and sums what they earned. */
@Stateless
public class Pairing {
  private static final Logger LOG = Logger.getLogger(Pairing.class.getName());

  @PersistenceContext EntityManager em;

  @EJB Economics economics;

  /** A code just issued: shown once in the portal. */
  public record IssuedCode(
      @JsonbProperty("code") String code, @JsonbProperty("expires_at") Instant expiresAt) {}

  /** The answer to a worker that paired. */
  public record Paired(
      @JsonbProperty("worker_id") String workerId, @JsonbProperty("volunteer") String volunteer) {}

  /** {@code GET /me} for a volunteer: the paired workers and what they earned together. */
  public record VolunteerAccount(
      @JsonbProperty("role") String role,
      @JsonbProperty("account_id") String accountId,
      @JsonbProperty("username") String username,
      @JsonbProperty("name") String name,
      @JsonbProperty("credits_earned") double creditsEarned,
      @JsonbProperty("balance_credits") double balanceCredits,
      @JsonbProperty("tasks_validated") long tasksValidated,
      @JsonbProperty("workers") List<WorkerAccount> workers) {}

  /** Issues a one-time pairing code to a volunteer account. */
  public IssuedCode issue(String accountId) {
    Account account = em.find(Account.class, accountId);
    if (account == null || account.role() != AccountRole.VOLUNTEER) {
      throw new ForbiddenException("only volunteer accounts pair workers");
    }
    Instant now = Instant.now();
    String code = PairingCodes.generate();
    em.persist(new PairingCode(BearerToken.sha256(code), accountId, now, PairingCodes.expiry(now)));
    LOG.info(() -> "pairing code issued to volunteer " + accountId);
    return new IssuedCode(PairingCodes.display(code), PairingCodes.expiry(now));
  }

  /**
   * Pairs the worker with the volunteer who was shown {@code typed}. A code pairs one worker only,
   * within its validity; a worker paired before moves to the new volunteer.
   */
  public Paired redeem(String workerId, String typed) {
    String code = PairingCodes.normalise(typed);
    if (code == null) {
      throw new RejectedInputException(
          "code", "must be the 8-character code the portal shows, e.g. ABCD-EFGH");
    }
    PairingCode stored =
        em.find(PairingCode.class, BearerToken.sha256(code), LockModeType.PESSIMISTIC_WRITE);
    if (stored == null) {
      throw new NotFoundException("no such pairing code");
    }
    Instant now = Instant.now();
    if (!PairingCodes.usable(stored.expiresAt(), stored.usedAt(), now)) {
      throw new GoneException(
          stored.usedAt() != null
              ? "this pairing code was used already: ask the portal for a new one"
              : "this pairing code expired: ask the portal for a new one");
    }
    Worker worker = em.find(Worker.class, workerId);
    if (worker == null) {
      throw new NotFoundException("no worker " + workerId);
    }
    stored.use(workerId, now);
    worker.pairWith(stored.accountId());
    Account volunteer = em.find(Account.class, stored.accountId());
    LOG.info(() -> "worker " + workerId + " paired with volunteer " + stored.accountId());
    return new Paired(workerId, volunteer.username());
  }

  /** The workers paired with a volunteer, oldest first. */
  public List<Worker> workersOf(String accountId) {
    return em.createQuery(
            "SELECT w FROM Worker w WHERE w.volunteerId = :v ORDER BY w.registeredAt", Worker.class)
        .setParameter("v", accountId)
        .getResultList();
  }

  /** A volunteer's account: each paired worker's credits (from the ledger) and their sum. */
  public VolunteerAccount volunteer(String accountId) {
    Account account = em.find(Account.class, accountId);
    if (account == null || account.role() != AccountRole.VOLUNTEER) {
      throw new NotFoundException("no volunteer " + accountId);
    }
    List<WorkerAccount> workers =
        workersOf(accountId).stream().map(w -> economics.worker(w.id())).toList();
    return new VolunteerAccount(
        "volunteer",
        account.id(),
        account.username(),
        account.displayName(),
        workers.stream().mapToDouble(WorkerAccount::creditsEarned).sum(),
        workers.stream().mapToDouble(WorkerAccount::balanceCredits).sum(),
        workers.stream().mapToLong(WorkerAccount::tasksValidated).sum(),
        workers);
  }
}
