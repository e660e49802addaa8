package org.xeenet.task.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xeenet.account.control.BearerToken;
import org.xeenet.api.CampaignView.BestResult;
import org.xeenet.api.DatasetRef;
import org.xeenet.api.Heartbeat;
import org.xeenet.api.HeartbeatAck;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.api.ResultAck;
import org.xeenet.api.TaskPage;
import org.xeenet.api.TaskResult;
import org.xeenet.api.TaskSpec;
import org.xeenet.api.TaskView;
import org.xeenet.campaign.boundary.CampaignEnded;
import org.xeenet.campaign.entity.Campaign;
import org.xeenet.campaign.entity.CampaignStatus;
import org.xeenet.dataset.entity.Dataset;
import org.xeenet.problem.ConflictException;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.problem.GoneException;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.search.control.CharLMConfigGenerator.GeneratedConfig;
import org.xeenet.task.control.LeasePolicy;
import org.xeenet.task.control.QueueChanges;
import org.xeenet.task.control.ResultAssessment;
import org.xeenet.task.control.ResultAssessment.Judgement;
import org.xeenet.task.control.ResultAssessment.Verdict;
import org.xeenet.task.entity.Lease;
import org.xeenet.task.entity.LeaseState;
import org.xeenet.task.entity.Task;
import org.xeenet.task.entity.TaskStatus;

/**
 * The queue agent: enqueues a campaign's tasks, keeps leases alive on heartbeats, takes results
 * (one by one or as the {@link Dispatcher}'s groups), and returns the tasks of expired leases to
 * the queue. Leases are made by the {@link Dispatcher} from its in-memory ready queue.
 */
@Stateless
public class TaskQueue {
  private static final Logger LOG = Logger.getLogger(TaskQueue.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type CONFIG_TYPE =
      new LinkedHashMap<String, Object>() {}.getClass().getGenericSuperclass();
  private static final int MAX_PAGE_SIZE = 500;
  private static final Set<TaskStatus> OPEN =
      Set.of(TaskStatus.QUEUED, TaskStatus.LEASED, TaskStatus.SUBMITTED);

  @PersistenceContext EntityManager em;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject Event<TaskResultSettled> settled;

  @Inject Event<CampaignEnded> ended;

  @Inject Event<TaskAttemptExpired> expired;

  @Inject
  @ConfigProperty(name = "xeenet.lease.budget-factor", defaultValue = "2.0")
  double budgetFactor;

  @Inject
  @ConfigProperty(name = "xeenet.lease.grace-seconds", defaultValue = "60")
  int graceSeconds;

  @Inject
  @ConfigProperty(name = "xeenet.lease.retry-after-seconds", defaultValue = "5")
  int retryAfterSeconds;

  @Inject
  @ConfigProperty(name = "xeenet.task.max-attempts", defaultValue = "3")
  int maxAttempts;

  LeasePolicy policy() {
    return new LeasePolicy(budgetFactor, graceSeconds, retryAfterSeconds);
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /**
   * Queues the drawn configurations of a campaign. Indexes already queued are skipped, so a
   * restarted expansion job writes each task once.
   */
  public int enqueue(String campaignId, List<GeneratedConfig> configs) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    if (campaign == null) {
      throw new NotFoundException("no campaign " + campaignId);
    }
    List<Integer> indexes = configs.stream().map(GeneratedConfig::index).toList();
    Set<Integer> present =
        Set.copyOf(
            em.createQuery(
                    "SELECT t.index FROM Task t WHERE t.campaignId = :c AND t.index IN :i",
                    Integer.class)
                .setParameter("c", campaignId)
                .setParameter("i", indexes)
                .getResultList());
    Instant now = Instant.now();
    int written = 0;
    for (GeneratedConfig config : configs) {
      if (present.contains(config.index())) {
        continue;
      }
      em.persist(
          new Task(
              campaignId,
              config.index(),
              JSONB.toJson(config.config()),
              config.seed(),
              config.timeBudget() != null ? config.timeBudget() : campaign.timeBudget(),
              org.xeenet.search.control.CharLMSearchSpace.CODE_PACKAGE,
              maxAttempts,
              now));
      written++;
    }
    if (written > 0) {
      queueChangesOnCommit();
    }
    return written;
  }

  /**
   * The lease a worker's earlier request with this idempotency key got, answered again; empty when
   * the key is new. (Leases themselves are made by the {@link Dispatcher}.)
   */
  public Optional<LeaseGrant> leaseByKey(String workerId, String idempotencyKey, String apiBase) {
    return em.createNamedQuery(Lease.BY_IDEMPOTENCY_KEY, Lease.class)
        .setParameter("worker", workerId)
        .setParameter("key", idempotencyKey)
        .getResultStream()
        .findFirst()
        .map(lease -> grantOf(lease, apiBase));
  }

  /** The answer to the request that made this lease, read back from the database. */
  public Optional<LeaseGrant> grant(String leaseId, String apiBase) {
    return Optional.ofNullable(em.find(Lease.class, leaseId)).map(l -> grantOf(l, apiBase));
  }

  private LeaseGrant grantOf(Lease lease, String apiBase) {
    Task task = em.find(Task.class, lease.taskId());
    Campaign campaign = em.find(Campaign.class, task.campaignId());
    return new LeaseGrant(lease.id(), lease.expiresAt(), spec(task, campaign, apiBase));
  }

  private TaskSpec spec(Task task, Campaign campaign, String apiBase) {
    Dataset dataset = em.find(Dataset.class, campaign.datasetName());
    DatasetRef ref =
        new DatasetRef(
            dataset.name(),
            dataset.sha256(),
            dataset.sizeBytes(),
            apiBase + "datasets/" + dataset.sha256());
    return new TaskSpec(
        task.id(),
        campaign.id(),
        config(task),
        task.codePackageRef(),
        task.timeBudget(),
        List.of(task.seed()),
        ref);
  }

  /** Keeps a lease alive; tells the worker to stop when its campaign no longer runs. */
  public HeartbeatAck heartbeat(String leaseId, String workerId, Heartbeat progress) {
    Lease lease = ownedLease(leaseId, workerId);
    // a loss the database cannot store (NaN, infinities) was a 500 before (found by fuzzing)
    if (progress != null && progress.step() != null && progress.step() < 0) {
      throw new RejectedInputException("step", "must not be negative");
    }
    if (progress != null
        && progress.trainLoss() != null
        && (!Double.isFinite(progress.trainLoss())
            || progress.trainLoss() < 0
            || progress.trainLoss() > 1e12)) {
      throw new RejectedInputException("train_loss", "must be a finite number, not negative");
    }
    Instant now = Instant.now();
    if (lease.state() == LeaseState.REVOKED) {
      return new HeartbeatAck(lease.expiresAt(), true);
    }
    if (!lease.isActiveAt(now)) {
      throw new GoneException(
          "lease "
              + leaseId
              + " is "
              + (lease.state() == LeaseState.ACTIVE ? "EXPIRED" : lease.state()));
    }
    Task task = em.find(Task.class, lease.taskId(), LockModeType.PESSIMISTIC_WRITE);
    boolean cancel = !CampaignStatus.RUNNING.name().equals(campaignStatus(task.campaignId()));
    lease.heartbeat(
        now,
        policy().expiryFrom(now, task.timeBudget()),
        progress == null ? null : progress.step(),
        progress == null ? null : progress.trainLoss());
    if (task.isLeasedUnder(lease.id())) {
      task.extendLease(lease.expiresAt());
    }
    return new HeartbeatAck(lease.expiresAt(), cancel);
  }

  /**
   * Takes a worker's result for its lease. The same result again gets the same answer; a different
   * one for a finished lease is a conflict.
   */
  public ResultAck submit(String leaseId, String workerId, TaskResult result) {
    Map<String, Campaign> touched = new TreeMap<>();
    ResultAck ack = settleOne(new Submission(leaseId, workerId, result), touched);
    Instant now = Instant.now();
    touched.values().forEach(c -> completeIfDone(c, now));
    return ack;
  }

  /** One worker's result for one of its leases, as it came in. */
  public record Submission(String leaseId, String workerId, TaskResult result) {}

  /** What became of a submission: the answer, or the refusal (a 4xx problem) to throw. */
  public record Settled(ResultAck ack, RuntimeException refusal) {}

  /**
   * Takes a group of results in one transaction (the {@link Dispatcher}'s group commit): each is
   * settled exactly as {@link #submit} would, a refused one (4xx) does not affect the others, and
   * the campaigns touched are checked for completion once at the end. The locks are taken first, in
   * the order every settling path uses (leases, campaigns, tasks) and by id within each kind, so
   * groups do not deadlock with each other.
   */
  public List<Settled> settle(List<Submission> submissions) {
    lockInOrder(submissions);
    Map<String, Campaign> touched = new TreeMap<>();
    List<Settled> settled = new ArrayList<>(submissions.size());
    for (Submission submission : submissions) {
      try {
        settled.add(new Settled(settleOne(submission, touched), null));
      } catch (NotFoundException
          | ForbiddenException
          | ConflictException
          | RejectedInputException
          | GoneException refused) {
        // thrown before anything was changed
        settled.add(new Settled(null, refused));
      }
    }
    Instant now = Instant.now();
    touched.values().forEach(c -> completeIfDone(c, now));
    return settled;
  }

  private void lockInOrder(List<Submission> submissions) {
    Set<String> campaignIds = new TreeSet<>();
    for (String id : new TreeSet<>(submissions.stream().map(Submission::leaseId).toList())) {
      Lease lease = id == null ? null : em.find(Lease.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (lease != null) {
        Task task = em.find(Task.class, lease.taskId());
        if (task != null) {
          campaignIds.add(task.campaignId());
        }
      }
    }
    // each task is locked by its own settlement, after its campaign: one task per lease
    campaignIds.forEach(id -> em.find(Campaign.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  private ResultAck settleOne(Submission submission, Map<String, Campaign> touched) {
    String leaseId = submission.leaseId();
    String workerId = submission.workerId();
    TaskResult result = submission.result();
    Lease lease = ownedLease(leaseId, workerId);
    String json = JSONB.toJson(result);
    String sha = BearerToken.sha256(json);
    if (lease.hasResult()) {
      if (lease.resultSha256().equals(sha)) {
        return new ResultAck(lease.answerAccepted(), lease.answerStatus());
      }
      throw new ConflictException(
          "lease " + leaseId + " already has a different result; a lease takes one result");
    }
    List<FieldError> problems = ResultAssessment.problems(result, lease.taskId());
    if (!problems.isEmpty()) {
      throw new RejectedInputException("the result is invalid", problems);
    }
    Instant now = Instant.now();
    // lock order wherever a result or an expiry settles: lease, campaign, task
    String campaignId = em.find(Task.class, lease.taskId()).campaignId();
    Campaign campaign = em.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
    Task task = em.find(Task.class, lease.taskId(), LockModeType.PESSIMISTIC_WRITE);
    Judgement judgement = ResultAssessment.judge(result);
    boolean accepted;
    String outcome;
    if (task.status().isFinal()) {
      accepted = false;
      outcome = "IGNORED";
    } else if (judgement.verdict() == Verdict.ATTEMPT_LOST) {
      accepted = true;
      outcome = Verdict.ATTEMPT_LOST.name();
      if (task.isLeasedUnder(lease.id())) {
        queueChangesOnCommit();
        if (campaign.status() == CampaignStatus.PAUSED) {
          task.attemptWithdrawn("campaign paused");
        } else {
          task.attemptLost(judgement.reason(), now);
        }
      }
    } else if (!task.isLeasedUnder(lease.id()) && judgement.verdict() != Verdict.VALID) {
      // a late result of an attempt that was already given up only counts when it is valid
      accepted = false;
      outcome = "IGNORED";
    } else {
      if (!task.isLeasedUnder(lease.id()) && task.leaseId() != null) {
        Lease current = em.find(Lease.class, task.leaseId(), LockModeType.PESSIMISTIC_WRITE);
        if (current != null) {
          current.revoke();
        }
      }
      task.resultAccepted(
          judgement.verdict() == Verdict.VALID ? TaskStatus.VALID : TaskStatus.INVALID,
          workerId,
          result.valBpb(),
          result.trainLoss(),
          result.stepsCompleted(),
          result.wallTimeSeconds(),
          result.deviceUsed(),
          result.tokensProcessed(),
          Boolean.TRUE.equals(result.simulated()),
          judgement.reason(),
          now);
      accepted = true;
      outcome = task.status().name();
    }
    lease.finish(sha, json, accepted, task.status().name(), now);
    settled.fire(
        new TaskResultSettled(
            leaseId,
            task.id(),
            campaign.id(),
            workerId,
            outcome,
            task.status().name(),
            result,
            now));
    touched.put(campaign.id(), campaign);
    LOG.fine(
        () ->
            "lease "
                + leaseId
                + ": result "
                + result.status()
                + " for task "
                + task.id()
                + " of campaign "
                + campaign.id()
                + " -> task "
                + task.status()
                + (judgement.reason() == null ? "" : " (" + judgement.reason() + ")"));
    return new ResultAck(accepted, task.status().name());
  }

  /** Returns the tasks of expired leases to the queue (or fails them); answers how many. */
  public int reapExpired() {
    Instant now = Instant.now();
    List<String> ids =
        em.createQuery(
                "SELECT l.id FROM Lease l WHERE l.state = :active AND l.expiresAt < :now",
                String.class)
            .setParameter("active", LeaseState.ACTIVE)
            .setParameter("now", now)
            .setMaxResults(500)
            .getResultList();
    int reaped = 0;
    for (String id : ids) {
      Lease lease = em.find(Lease.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (lease == null || lease.state() != LeaseState.ACTIVE || lease.isActiveAt(now)) {
        continue;
      }
      lease.expire();
      String campaignId = em.find(Task.class, lease.taskId()).campaignId();
      Campaign campaign = em.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
      Task task = em.find(Task.class, lease.taskId(), LockModeType.PESSIMISTIC_WRITE);
      if (task.isLeasedUnder(lease.id())) {
        queueChangesOnCommit();
        task.attemptLost("lease expired at " + lease.expiresAt(), now);
        // before the completion check: an adaptive search may refill a task that failed for good
        expired.fire(
            new TaskAttemptExpired(id, task.id(), campaign.id(), task.status().name(), now));
        completeIfDone(campaign, now);
      }
      reaped++;
      LOG.info(() -> "lease " + id + " expired: task " + task.id() + " now " + task.status());
    }
    return reaped;
  }

  /**
   * Tells the dispatcher's ready queue, once this transaction committed, that tasks were queued.
   */
  private void queueChangesOnCommit() {
    if (transactions.getResource(QueueChanges.class) != null) {
      return;
    }
    transactions.putResource(QueueChanges.class, Boolean.TRUE);
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              QueueChanges.committed();
            }
          }
        });
  }

  /** Ends a cancelled campaign's open tasks; running leases learn it at their next heartbeat. */
  public void cancelOpenTasks(String campaignId) {
    Instant now = Instant.now();
    for (Task task :
        em.createQuery(
                "SELECT t FROM Task t WHERE t.campaignId = :c AND t.status IN :open", Task.class)
            .setParameter("c", campaignId)
            .setParameter("open", OPEN)
            .getResultList()) {
      if (task.leaseId() != null) {
        Lease lease = em.find(Lease.class, task.leaseId());
        if (lease != null) {
          lease.revoke();
        }
      }
      task.cancel(now);
    }
  }

  /**
   * Completes the campaign when no task is open. The caller holds the campaign's lock, and every
   * settling transaction takes it before it touches a task, so an uncommitted read cannot see a
   * settled task that is not; reading without locks keeps the count from waiting on leases.
   */
  private void completeIfDone(Campaign campaign, Instant now) {
    if (campaign.status() != CampaignStatus.RUNNING && campaign.status() != CampaignStatus.PAUSED) {
      return;
    }
    // stops at the first open task: the cost does not grow with the campaign's size
    boolean anyOpen =
        !em.createNativeQuery(
                "SELECT 1 FROM XN_TASK WHERE STATUS IN ('QUEUED', 'LEASED', 'SUBMITTED')"
                    + " AND CAMPAIGN_ID = ?1 FETCH FIRST 1 ROWS ONLY WITH UR")
            .setParameter(1, campaign.id())
            .getResultList()
            .isEmpty();
    if (!anyOpen) {
      campaign.complete(now);
      ended.fire(new CampaignEnded(campaign.id(), campaign.status().name()));
      LOG.info(() -> "campaign " + campaign.id() + " completed");
    }
  }

  /** A campaign's status read without locks, for answers that do not change it. */
  private String campaignStatus(String campaignId) {
    return (String)
        em.createNativeQuery("SELECT STATUS FROM XN_CAMPAIGN WHERE ID = ?1 WITH UR")
            .setParameter(1, campaignId)
            .getSingleResult();
  }

  private Lease ownedLease(String leaseId, String workerId) {
    Lease lease = em.find(Lease.class, leaseId, LockModeType.PESSIMISTIC_WRITE);
    if (lease == null) {
      throw new NotFoundException("no lease " + leaseId);
    }
    if (!lease.workerId().equals(workerId)) {
      throw new ForbiddenException("lease " + leaseId + " belongs to another worker");
    }
    return lease;
  }

  /** Task counts of a campaign by status, every status present (zero when none). */
  public Map<String, Long> counts(String campaignId) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (TaskStatus status : TaskStatus.values()) {
      counts.put(status.name(), 0L);
    }
    for (Object[] row :
        em.createQuery(
                "SELECT t.status, COUNT(t) FROM Task t WHERE t.campaignId = :c GROUP BY t.status",
                Object[].class)
            .setParameter("c", campaignId)
            .getResultList()) {
      counts.put(((TaskStatus) row[0]).name(), (Long) row[1]);
    }
    return counts;
  }

  /** The valid, non-simulated result with the lowest val_bpb, if any. */
  public Optional<BestResult> best(String campaignId) {
    return em.createQuery(
            "SELECT t FROM Task t WHERE t.campaignId = :c AND t.status = :valid"
                + " AND t.simulated = false AND t.valBpb IS NOT NULL ORDER BY t.valBpb, t.index",
            Task.class)
        .setParameter("c", campaignId)
        .setParameter("valid", TaskStatus.VALID)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(t -> new BestResult(t.id(), t.valBpb(), config(t)));
  }

  /**
   * One page of a campaign's tasks, optionally of one status, ordered by index or by val_bpb (best
   * first, tasks without a result last).
   */
  public TaskPage page(String campaignId, TaskStatus status, int page, int pageSize, String sort) {
    int size = Math.max(1, Math.min(pageSize, MAX_PAGE_SIZE));
    int number = Math.max(1, page);
    String where = "t.campaignId = :c" + (status == null ? "" : " AND t.status = :s");
    String order = "val_bpb".equals(sort) ? "t.valBpb, t.index" : "t.index";
    TypedQuery<Task> query =
        em.createQuery("SELECT t FROM Task t WHERE " + where + " ORDER BY " + order, Task.class)
            .setParameter("c", campaignId)
            .setFirstResult((number - 1) * size)
            .setMaxResults(size);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(t) FROM Task t WHERE " + where, Long.class)
            .setParameter("c", campaignId);
    if (status != null) {
      query.setParameter("s", status);
      count.setParameter("s", status);
    }
    List<TaskView> items = new ArrayList<>();
    for (Task task : query.getResultList()) {
      items.add(view(task));
    }
    return new TaskPage(items, number, size, count.getSingleResult());
  }

  static TaskView view(Task t) {
    return new TaskView(
        t.id(),
        t.campaignId(),
        t.index(),
        t.status().name(),
        config(t),
        t.seed(),
        t.timeBudget(),
        t.attempts(),
        t.workerId(),
        t.leaseExpiresAt(),
        t.valBpb(),
        t.trainLoss(),
        t.stepsCompleted(),
        t.wallTimeSeconds(),
        t.deviceUsed(),
        t.tokensProcessed(),
        t.simulated(),
        t.failureReasons(),
        t.finishedAt());
  }

  static Map<String, Object> config(Task task) {
    return config(task.configJson());
  }

  static Map<String, Object> config(String configJson) {
    return JSONB.fromJson(configJson, CONFIG_TYPE);
  }
}
