package org.xeenet.trust.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Type;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xeenet.api.DatasetRef;
import org.xeenet.api.HeartbeatAck;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.ResultAck;
import org.xeenet.api.TaskResult;
import org.xeenet.api.TaskSpec;
import org.xeenet.api.TrainingCapability;
import org.xeenet.campaign.entity.Campaign;
import org.xeenet.campaign.entity.CampaignStatus;
import org.xeenet.dataset.entity.Dataset;
import org.xeenet.economics.boundary.Economics;
import org.xeenet.economics.boundary.Ledger;
import org.xeenet.economics.control.Transfer;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.problem.GoneException;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.task.boundary.TaskResultSettled;
import org.xeenet.task.entity.Lease;
import org.xeenet.task.entity.Task;
import org.xeenet.trust.control.Agreement;
import org.xeenet.trust.control.CheckPolicy;
import org.xeenet.trust.control.Reputation;
import org.xeenet.trust.entity.Check;
import org.xeenet.trust.entity.TrustEvent;
import org.xeenet.worker.entity.Worker;

/**
 * The trust agent's checks of results by other workers: verification by recomputation (val_bpb from
 * the uploaded checkpoint, a forward pass over the validation split) and replication (the same
 * config and seed trained for the steps the result claims), chosen per result by {@link
 * CheckPolicy} from the worker's standing.
 *
 * <p>Results are paid when they settle (economics) and checked afterwards: a result found false is
 * rejected by {@link #invalidate}: its credits are clawed back by a new ledger transaction, the
 * worker's reputation falls (quarantine below the threshold), and its task goes back to the queue
 * (or ends INVALID when no attempt is left or its campaign has ended).
 *
 * <p>A check is offered before queued tasks to a worker that declared its kind ({@code
 * training_capability.task_kinds}), is not the result's worker, did not run a check of that kind on
 * that result before, and has a reputation of at least {@code xeenet.trust.checker-min-reputation}.
 * Its lease id starts with {@value #LEASE_PREFIX}; the worker heartbeats and reports it on the
 * usual lease routes. One disagreeing check from a checker that is not yet trusted calls a second
 * checker of the same kind: the result is rejected when both disagree, and the first checker is the
 * one found wrong when the second agrees.
 */
@Stateless
public class Checks {
  public static final String LEASE_PREFIX = "chk";
  private static final Logger LOG = Logger.getLogger(Checks.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type CONFIG_TYPE =
      new LinkedHashMap<String, Object>() {}.getClass().getGenericSuperclass();
  private static final int VERIFY_BUDGET_SECONDS = 120;
  private static final int MAX_CHECKS_OF_A_KIND = 4;

  @PersistenceContext EntityManager em;

  @EJB Trust trust;

  @EJB Economics economics;

  @EJB Ledger ledger;

  @Inject
  @ConfigProperty(name = "xeenet.trust.checks.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "xeenet.economics.credit-simulated", defaultValue = "false")
  boolean creditSimulated;

  @Inject
  @ConfigProperty(name = "xeenet.trust.trusted-after", defaultValue = "3")
  int trustedAfter;

  @Inject
  @ConfigProperty(name = "xeenet.trust.replicate-probation", defaultValue = "0.1")
  double replicateProbation;

  @Inject
  @ConfigProperty(name = "xeenet.trust.replicate-trusted", defaultValue = "0.02")
  double replicateTrusted;

  @Inject
  @ConfigProperty(name = "xeenet.trust.verify-trusted", defaultValue = "0.25")
  double verifyTrusted;

  @Inject
  @ConfigProperty(name = "xeenet.trust.checker-min-reputation", defaultValue = "0.5")
  double checkerMinReputation;

  @Inject
  @ConfigProperty(name = "xeenet.trust.checkpoint-wait-seconds", defaultValue = "300")
  int checkpointWaitSeconds;

  @Inject
  @ConfigProperty(name = "xeenet.trust.tolerance.verify-bpb", defaultValue = "0.02")
  double verifyBpb;

  @Inject
  @ConfigProperty(name = "xeenet.trust.tolerance.replica-bpb", defaultValue = "0.08")
  double replicaBpb;

  @Inject
  @ConfigProperty(name = "xeenet.trust.tolerance.replica-bpb-relative", defaultValue = "0.03")
  double replicaBpbRelative;

  @Inject
  @ConfigProperty(name = "xeenet.trust.tolerance.replica-loss", defaultValue = "0.2")
  double replicaLoss;

  @Inject
  @ConfigProperty(name = "xeenet.lease.budget-factor", defaultValue = "2.0")
  double budgetFactor;

  @Inject
  @ConfigProperty(name = "xeenet.lease.grace-seconds", defaultValue = "60")
  int graceSeconds;

  CheckPolicy policy() {
    return new CheckPolicy(trustedAfter, replicateProbation, replicateTrusted, verifyTrusted);
  }

  Agreement agreement() {
    return new Agreement(verifyBpb, replicaBpb, replicaBpbRelative, replicaLoss, 20);
  }

  public static boolean isCheckLease(String leaseId) {
    return leaseId != null && leaseId.startsWith(LEASE_PREFIX);
  }

  /** Decides, inside the settling transaction, which checks a VALID result gets. */
  public void resultSettled(@Observes TaskResultSettled settled) {
    TaskResult result = settled.result();
    if (!enabled
        || !"VALID".equals(settled.outcome())
        || result == null
        || result.valBpb() == null
        || (Boolean.TRUE.equals(result.simulated()) && !creditSimulated)) {
      return;
    }
    Task task = em.find(Task.class, settled.taskId());
    Reputation standing = trust.reputation(settled.workerId());
    long confirmed = trust.confirmedResults(settled.workerId());
    CheckPolicy.Decision decision =
        policy()
            .decide(
                confirmed, standing.bad(), result.checkpointSha256() != null, settled.leaseId());
    Instant now = settled.settledAt();
    if (decision.verify()) {
      em.persist(
          new Check(
              Check.VERIFY,
              settled.leaseId(),
              settled.workerId(),
              task.id(),
              task.campaignId(),
              1,
              null,
              VERIFY_BUDGET_SECONDS,
              result.checkpointSha256(),
              result.valBpb(),
              now));
    }
    if (decision.replicate() && result.stepsCompleted() != null && result.stepsCompleted() > 0) {
      em.persist(replica(settled.leaseId(), settled.workerId(), task, result, 1, now));
    }
  }

  private Check replica(
      String subjectLease,
      String subjectWorker,
      Task task,
      TaskResult result,
      int round,
      Instant now) {
    // a slower machine must still reach the claimed steps: twice the budget, the schedule then
    // follows max_steps (LrSchedule takes the larger of the step and the clock progress)
    return new Check(
        Check.REPLICATE,
        subjectLease,
        subjectWorker,
        task.id(),
        task.campaignId(),
        round,
        result.stepsCompleted(),
        Math.max(60, task.timeBudget() * 2),
        null,
        result.valBpb(),
        now);
  }

  /** The worker uploaded the checkpoint its result names: its verification may start. */
  public void checkpointArrived(String subjectLeaseId) {
    for (Check check : checksOf(subjectLeaseId)) {
      check.checkpointArrived();
    }
  }

  /**
   * The checkpoint of this result was already uploaded for another lease: the result is a replay or
   * a copy, and is rejected.
   */
  public void replayed(String subjectLeaseId, String originalLeaseId) {
    invalidate(
        subjectLeaseId,
        "its checkpoint is the one uploaded for lease "
            + originalLeaseId
            + " (a replayed or copied result)");
  }

  /** The checks of a result, locked, oldest first (Derby refuses FOR UPDATE with ORDER BY). */
  private List<Check> checksOf(String subjectLeaseId) {
    List<Check> checks =
        new ArrayList<>(
            em.createQuery("SELECT c FROM Check c WHERE c.subjectLeaseId = :l", Check.class)
                .setParameter("l", subjectLeaseId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList());
    checks.sort(java.util.Comparator.comparing(Check::createdAt));
    return checks;
  }

  /** The worker's declared check kinds (upper case), from its registered capability. */
  static Set<String> kinds(Worker worker) {
    if (worker == null || worker.capabilityJson() == null) {
      return Set.of();
    }
    try {
      TrainingCapability capability =
          JSONB.fromJson(worker.capabilityJson(), TrainingCapability.class);
      if (capability.taskKinds() == null) {
        return Set.of();
      }
      Set<String> kinds = new java.util.HashSet<>();
      for (String kind : capability.taskKinds()) {
        if (TaskSpec.VERIFY.equals(kind)) {
          kinds.add(Check.VERIFY);
        } else if (TaskSpec.REPLICATE.equals(kind)) {
          kinds.add(Check.REPLICATE);
        }
      }
      return kinds;
    } catch (RuntimeException e) {
      return Set.of();
    }
  }

  /**
   * A check for this worker to run, leased to it, when there is one it may run; empty otherwise.
   * Overdue checkpoints are dealt with first.
   */
  public Optional<LeaseGrant> offer(String workerId, String apiBase) {
    if (!enabled) {
      return Optional.empty();
    }
    Worker worker = em.find(Worker.class, workerId);
    Set<String> kinds = kinds(worker);
    if (kinds.isEmpty()) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    rejectOverdueCheckpoints(now);
    List<?> candidates =
        em.createNativeQuery(
                "SELECT c.ID FROM XN_CHECK c WHERE (c.STATUS = 'QUEUED' OR (c.STATUS = 'LEASED'"
                    + " AND c.EXPIRES_AT < ?1)) AND c.SUBJECT_WORKER_ID <> ?2"
                    + " AND NOT EXISTS (SELECT 1 FROM XN_CHECK d WHERE d.SUBJECT_LEASE_ID ="
                    + " c.SUBJECT_LEASE_ID AND d.KIND = c.KIND AND d.CHECKER_ID = ?2)"
                    + " ORDER BY c.KIND DESC, c.CREATED_AT FETCH FIRST 16 ROWS ONLY WITH UR")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, workerId)
            .getResultList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Reputation standing = trust.reputation(workerId);
    if (standing.quarantined() || standing.score() < checkerMinReputation) {
      return Optional.empty();
    }
    for (Object id : candidates) {
      Check check = em.find(Check.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (check == null || !kinds.contains(check.kind())) {
        continue;
      }
      boolean expired =
          Check.LEASED.equals(check.status())
              && check.expiresAt() != null
              && check.expiresAt().isBefore(now);
      if (expired) {
        check.attemptLost("its lease expired at " + check.expiresAt());
      }
      if (!Check.QUEUED.equals(check.status())) {
        continue;
      }
      Task task = em.find(Task.class, check.taskId());
      Campaign campaign = em.find(Campaign.class, check.campaignId());
      if (task == null || campaign == null) {
        check.voided("its task is gone", now);
        continue;
      }
      Instant expires = now.plusSeconds((long) (budgetFactor * check.timeBudget()) + graceSeconds);
      String checkLease = LEASE_PREFIX + UUID.randomUUID().toString().replace("-", "");
      check.lease(checkLease, workerId, expires);
      LOG.info(
          () ->
              "check "
                  + check.id()
                  + " ("
                  + check.kind()
                  + " of lease "
                  + check.subjectLeaseId()
                  + ") leased to worker "
                  + workerId
                  + " as "
                  + checkLease);
      return Optional.of(new LeaseGrant(checkLease, expires, spec(check, task, campaign, apiBase)));
    }
    return Optional.empty();
  }

  private TaskSpec spec(Check check, Task task, Campaign campaign, String apiBase) {
    Dataset dataset = em.find(Dataset.class, campaign.datasetName());
    DatasetRef ref =
        new DatasetRef(
            dataset.name(),
            dataset.sha256(),
            dataset.sizeBytes(),
            apiBase + "datasets/" + dataset.sha256());
    Map<String, Object> config = JSONB.fromJson(task.configJson(), CONFIG_TYPE);
    boolean verify = Check.VERIFY.equals(check.kind());
    if (!verify) {
      config.put("max_steps", check.maxSteps());
    }
    return new TaskSpec(
        task.id(),
        campaign.id(),
        config,
        task.codePackageRef(),
        check.timeBudget(),
        List.of(task.seed()),
        ref,
        verify ? TaskSpec.VERIFY : TaskSpec.REPLICATE,
        verify ? apiBase + "leases/" + check.subjectLeaseId() + "/checkpoint" : null,
        verify ? check.checkpointSha256() : null);
  }

  /** Verifications whose checkpoint never came: the result cannot be checked and is rejected. */
  void rejectOverdueCheckpoints(Instant now) {
    List<?> overdue =
        em.createNativeQuery(
                "SELECT SUBJECT_LEASE_ID FROM XN_CHECK WHERE STATUS = 'WAITING' AND CREATED_AT < ?1"
                    + " FETCH FIRST 20 ROWS ONLY WITH UR")
            .setParameter(1, Timestamp.from(now.minusSeconds(checkpointWaitSeconds)))
            .getResultList();
    for (Object lease : overdue) {
      invalidate(
          (String) lease,
          "the checkpoint it names was not uploaded within " + checkpointWaitSeconds + " s");
    }
  }

  private Check leased(String leaseId, String workerId) {
    Check check =
        em.createQuery("SELECT c FROM Check c WHERE c.leaseId = :l", Check.class)
            .setParameter("l", leaseId)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("no lease " + leaseId));
    if (!workerId.equals(check.checkerId())) {
      throw new ForbiddenException("lease " + leaseId + " belongs to another worker");
    }
    return check;
  }

  /** A heartbeat on a check's lease: extends it; tells the worker to stop once it is over. */
  public HeartbeatAck heartbeat(String leaseId, String workerId) {
    Check check = leased(leaseId, workerId);
    Instant now = Instant.now();
    if (check.isOver()) {
      return new HeartbeatAck(check.expiresAt() == null ? now : check.expiresAt(), true);
    }
    if (!check.isLeasedUnder(leaseId, now)) {
      throw new GoneException("lease " + leaseId + " expired");
    }
    check.extend(now.plusSeconds((long) (budgetFactor * check.timeBudget()) + graceSeconds));
    return new HeartbeatAck(check.expiresAt(), false);
  }

  /** The checker's report: compared with the result it checks, which may then be rejected. */
  public ResultAck submit(String leaseId, String workerId, TaskResult report) {
    Check check = leased(leaseId, workerId);
    if (report == null) {
      throw new RejectedInputException("body", "a TaskResult is required");
    }
    if (report.taskId() == null || !report.taskId().equals(check.taskId())) {
      throw new RejectedInputException(
          "task_id", "does not match the checked task " + check.taskId());
    }
    if (report.status() == null
        || !Set.of(TaskResult.COMPLETED, TaskResult.FAILED, TaskResult.TIMED_OUT)
            .contains(report.status())) {
      throw new RejectedInputException("status", "must be completed, failed or timed_out");
    }
    Instant now = Instant.now();
    if (check.isOver()) {
      return new ResultAck(false, check.status());
    }
    if (!check.isLeasedUnder(leaseId, now)) {
      throw new GoneException("lease " + leaseId + " expired");
    }
    if (!TaskResult.COMPLETED.equals(report.status())) {
      check.attemptLost(report.status() + ": " + report.error());
      return new ResultAck(true, check.status());
    }
    Lease subject = em.find(Lease.class, check.subjectLeaseId());
    TaskResult claimed = JSONB.fromJson(subject.resultJson(), TaskResult.class);
    Agreement.Verdict verdict;
    if (Check.VERIFY.equals(check.kind())) {
      verdict = agreement().verify(claimed.valBpb(), report.valBpb());
    } else {
      if (report.stepsCompleted() == null || report.stepsCompleted() < check.maxSteps()) {
        check.attemptLost(
            "the replica ran "
                + report.stepsCompleted()
                + " of the "
                + check.maxSteps()
                + " steps to compare");
        return new ResultAck(true, check.status());
      }
      verdict =
          agreement().replicate(claimed.valBpb(), claimed.curve(), report.valBpb(), report.curve());
    }
    check.finish(verdict.agrees(), report.valBpb(), report.stepsCompleted(), verdict.detail(), now);
    LOG.info(
        () ->
            "check "
                + check.id()
                + " ("
                + check.kind()
                + " of lease "
                + check.subjectLeaseId()
                + " by worker "
                + workerId
                + "): "
                + (verdict.agrees() ? "AGREED" : "DISAGREED")
                + ", "
                + verdict.detail());
    resolve(check, verdict, now);
    return new ResultAck(true, check.status());
  }

  private void resolve(Check check, Agreement.Verdict verdict, Instant now) {
    List<Check> sameKind =
        checksOf(check.subjectLeaseId()).stream()
            .filter(c -> c.kind().equals(check.kind()) && !c.id().equals(check.id()))
            .toList();
    if (verdict.agrees()) {
      trust.checkDone(check.checkerId(), check.leaseId(), check.taskId(), true, null, now);
      for (Check earlier : sameKind) {
        if (Check.DISAGREED.equals(earlier.status())) {
          trust.checkDone(
              earlier.checkerId(),
              earlier.leaseId(),
              earlier.taskId(),
              false,
              "outvoted: another checker agreed with the result (" + earlier.detail() + ")",
              now);
        }
      }
      // confirmed once every check of the result is over and none stands against it
      boolean pending =
          checksOf(check.subjectLeaseId()).stream()
              .anyMatch(
                  c ->
                      !c.id().equals(check.id())
                          && (!c.isOver()
                              || (Check.DISAGREED.equals(c.status())
                                  && !c.kind().equals(check.kind()))));
      if (!pending && !rejected(check.subjectLeaseId())) {
        trust.confirmed(check.subjectWorkerId(), check.subjectLeaseId(), check.taskId(), now);
      }
      return;
    }
    List<Check> disagreeing =
        sameKind.stream().filter(c -> Check.DISAGREED.equals(c.status())).toList();
    // a quorum against the result: two checkers who disagree with it and agree with each other
    Check second =
        disagreeing.stream().filter(c -> measuresAlike(c, check)).findFirst().orElse(null);
    boolean checkerTrusted = isTrusted(check.checkerId());
    if (second != null || checkerTrusted) {
      trust.checkDone(check.checkerId(), check.leaseId(), check.taskId(), true, null, now);
      if (second != null) {
        trust.checkDone(second.checkerId(), second.leaseId(), second.taskId(), true, null, now);
      }
      invalidate(
          check.subjectLeaseId(), check.kind().toLowerCase() + " failed: " + verdict.detail());
      return;
    }
    boolean tieBreakOpen = sameKind.stream().anyMatch(c -> !c.isOver());
    if (tieBreakOpen) {
      return;
    }
    if (sameKind.size() + 1 >= MAX_CHECKS_OF_A_KIND) {
      LOG.warning(
          () ->
              "result of lease "
                  + check.subjectLeaseId()
                  + ": "
                  + (sameKind.size() + 1)
                  + " "
                  + check.kind()
                  + " checks reached no quorum; the result stands unconfirmed");
      return;
    }
    Check next;
    if (Check.VERIFY.equals(check.kind())) {
      next =
          new Check(
              Check.VERIFY,
              check.subjectLeaseId(),
              check.subjectWorkerId(),
              check.taskId(),
              check.campaignId(),
              check.round() + 1,
              null,
              check.timeBudget(),
              check.checkpointSha256(),
              check.claimedValBpb(),
              now);
      next.checkpointArrived();
    } else {
      Task task = em.find(Task.class, check.taskId());
      Lease subject = em.find(Lease.class, check.subjectLeaseId());
      TaskResult claimed = JSONB.fromJson(subject.resultJson(), TaskResult.class);
      next =
          replica(
              check.subjectLeaseId(),
              check.subjectWorkerId(),
              task,
              claimed,
              check.round() + 1,
              now);
    }
    em.persist(next);
    LOG.info(
        () ->
            "check "
                + check.id()
                + " disagreed and its checker is not yet trusted: another "
                + check.kind()
                + " decides");
  }

  /** Whether two checks of a result measured alike (a quorum needs agreeing checkers). */
  private boolean measuresAlike(Check a, Check b) {
    if (a.measuredValBpb() == null || b.measuredValBpb() == null) {
      return false;
    }
    double d = Math.abs(a.measuredValBpb() - b.measuredValBpb());
    return Check.VERIFY.equals(a.kind())
        ? d <= verifyBpb
        : d <= Math.max(replicaBpb, replicaBpbRelative * a.measuredValBpb());
  }

  private boolean isTrusted(String workerId) {
    Reputation r = trust.reputation(workerId);
    return r.bad() == 0 && trust.confirmedResults(workerId) >= trustedAfter;
  }

  private boolean rejected(String subjectLeaseId) {
    return trust.hasEvent(subjectLeaseId, TrustEvent.REJECTED)
        || trust.hasEvent(subjectLeaseId, TrustEvent.CLAWBACK);
  }

  /** What rejecting a result did. */
  public record Rejection(
      String leaseId, String workerId, String taskStatus, boolean clawedBack, String reason) {}

  /**
   * Rejects the result of a lease found false: claws back its credits (a new CLAWBACK transaction)
   * or records it INVALID when it was not paid, lowers the worker's reputation (quarantine below
   * the threshold), ends the open checks of the result, and returns its task to the queue (INVALID
   * when no attempt is left or the campaign has ended). Doing it twice changes nothing more.
   */
  public Rejection invalidate(String leaseId, String reason) {
    Lease lease = em.find(Lease.class, leaseId);
    if (lease == null || !lease.hasResult()) {
      throw new NotFoundException("no result for lease " + leaseId);
    }
    Instant now = Instant.now();
    Task unlocked = em.find(Task.class, lease.taskId());
    Campaign campaign =
        em.find(Campaign.class, unlocked.campaignId(), LockModeType.PESSIMISTIC_WRITE);
    Task task = em.find(Task.class, lease.taskId(), LockModeType.PESSIMISTIC_WRITE);
    boolean clawedBack = false;
    if (ledger.exists(Transfer.CHARGE, leaseId) && !ledger.exists(Transfer.CLAWBACK, leaseId)) {
      economics.clawback(leaseId, reason);
      clawedBack = true;
    } else if (!rejected(leaseId)) {
      trust.rejected(lease.workerId(), leaseId, task.id(), reason, now);
    }
    for (Check check : checksOf(leaseId)) {
      check.voided("the result was rejected: " + reason, now);
    }
    boolean running =
        campaign.status() == CampaignStatus.RUNNING || campaign.status() == CampaignStatus.PAUSED;
    if (task.resultRejected(lease.workerId(), reason, running, now)) {
      LOG.warning(
          () ->
              "result of lease "
                  + leaseId
                  + " (worker "
                  + lease.workerId()
                  + ") rejected: "
                  + reason
                  + "; task "
                  + task.id()
                  + " now "
                  + task.status());
    }
    return new Rejection(leaseId, lease.workerId(), task.status().name(), clawedBack, reason);
  }

  /** Check counts by kind and status, and the steps replicated, for operators and benchmarks. */
  public Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT KIND, STATUS, COUNT(*), COALESCE(SUM(MEASURED_STEPS), 0) FROM XN_CHECK"
                    + " GROUP BY KIND, STATUS")
            .getResultList()) {
      Object[] c = (Object[]) row;
      out.put(
          ((String) c[0]).toLowerCase() + "_" + ((String) c[1]).toLowerCase(),
          ((Number) c[2]).longValue());
      if (Check.REPLICATE.equals(c[0])) {
        out.merge("replicated_steps", ((Number) c[3]).longValue(), (a, b) -> (Long) a + (Long) b);
      }
    }
    return out;
  }

  /** The checks of a result, oldest first. */
  public List<Check> of(String subjectLeaseId) {
    return new ArrayList<>(
        em.createQuery(
                "SELECT c FROM Check c WHERE c.subjectLeaseId = :l ORDER BY c.createdAt",
                Check.class)
            .setParameter("l", subjectLeaseId)
            .getResultList());
  }
}
