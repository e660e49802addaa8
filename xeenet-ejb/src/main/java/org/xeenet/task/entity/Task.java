package org.xeenet.task.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One configuration of a campaign to train. Its state changes only through these methods, which
 * enforce the lifecycle: a task is leased only when queued, and returns to the queue after a lost
 * attempt until {@code maxAttempts} are used up.
 */
@Entity
@Table(name = "XN_TASK")
public class Task {
  static final int MAX_REASONS_LENGTH = 4000;

  @Id
  @Column(name = "ID")
  private String id;

  @Column(name = "CAMPAIGN_ID")
  private String campaignId;

  @Column(name = "TASK_INDEX")
  private int index;

  @Column(name = "CONFIG_JSON")
  private String configJson;

  @Column(name = "SEED")
  private long seed;

  @Column(name = "TIME_BUDGET")
  private int timeBudget;

  @Column(name = "CODE_PACKAGE_REF")
  private String codePackageRef;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATUS")
  private TaskStatus status;

  @Column(name = "ATTEMPTS")
  private int attempts;

  @Column(name = "MAX_ATTEMPTS")
  private int maxAttempts;

  @Column(name = "LEASE_ID")
  private String leaseId;

  @Column(name = "WORKER_ID")
  private String workerId;

  @Column(name = "LEASE_EXPIRES_AT")
  private Instant leaseExpiresAt;

  @Column(name = "VAL_BPB")
  private Double valBpb;

  @Column(name = "TRAIN_LOSS")
  private Double trainLoss;

  @Column(name = "STEPS_COMPLETED")
  private Long stepsCompleted;

  @Column(name = "WALL_TIME_SECONDS")
  private Double wallTimeSeconds;

  @Column(name = "DEVICE_USED")
  private String deviceUsed;

  @Column(name = "TOKENS_PROCESSED")
  private Long tokensProcessed;

  @Column(name = "SIMULATED")
  private boolean simulated;

  @Column(name = "FAILURE_REASONS")
  private String failureReasons;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  @Column(name = "FINISHED_AT")
  private Instant finishedAt;

  protected Task() {}

  public Task(
      String campaignId,
      int index,
      String configJson,
      long seed,
      int timeBudget,
      String codePackageRef,
      int maxAttempts,
      Instant now) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.id = UUID.randomUUID().toString();
    this.campaignId = campaignId;
    this.index = index;
    this.configJson = configJson;
    this.seed = seed;
    this.timeBudget = timeBudget;
    this.codePackageRef = codePackageRef;
    this.maxAttempts = maxAttempts;
    this.status = TaskStatus.QUEUED;
    this.createdAt = now;
  }

  /** Hands the queued task to a worker as its next attempt. */
  public void lease(String newLeaseId, String toWorkerId, Instant expiresAt) {
    if (status != TaskStatus.QUEUED) {
      throw new IllegalStateException("task " + id + " is " + status + ", not QUEUED");
    }
    status = TaskStatus.LEASED;
    attempts++;
    leaseId = newLeaseId;
    workerId = toWorkerId;
    leaseExpiresAt = expiresAt;
  }

  public boolean isLeasedUnder(String aLeaseId) {
    return status == TaskStatus.LEASED && aLeaseId.equals(leaseId);
  }

  public void extendLease(Instant expiresAt) {
    if (status == TaskStatus.LEASED) {
      leaseExpiresAt = expiresAt;
    }
  }

  /**
   * The current attempt was lost (its lease expired, or the worker reported failure): back to the
   * queue, or FAILED once every attempt is used. The reason is kept.
   */
  public void attemptLost(String reason, Instant now) {
    if (status != TaskStatus.LEASED) {
      return;
    }
    recordReason("attempt " + attempts + ": " + reason);
    clearLease();
    if (attempts >= maxAttempts) {
      status = TaskStatus.FAILED;
      finishedAt = now;
    } else {
      status = TaskStatus.QUEUED;
    }
  }

  /** The attempt was stopped by the platform (campaign paused): requeued, not counted. */
  public void attemptWithdrawn(String reason) {
    if (status != TaskStatus.LEASED) {
      return;
    }
    recordReason("attempt " + attempts + " withdrawn: " + reason);
    attempts--;
    clearLease();
    status = TaskStatus.QUEUED;
  }

  /** A result for this task was accepted as {@code outcome} (VALID or INVALID). */
  public void resultAccepted(
      TaskStatus outcome,
      String fromWorkerId,
      double valBpb,
      Double trainLoss,
      Long steps,
      Double wallTime,
      String device,
      Long tokens,
      boolean simulated,
      String reason,
      Instant now) {
    if (outcome != TaskStatus.VALID && outcome != TaskStatus.INVALID) {
      throw new IllegalArgumentException("a result makes a task VALID or INVALID");
    }
    if (status.isFinal()) {
      throw new IllegalStateException("task " + id + " already ended as " + status);
    }
    this.status = outcome;
    this.workerId = fromWorkerId;
    this.valBpb = valBpb;
    this.trainLoss = trainLoss;
    this.stepsCompleted = steps;
    this.wallTimeSeconds = wallTime;
    this.deviceUsed = device;
    this.tokensProcessed = tokens;
    this.simulated = simulated;
    if (reason != null) {
      recordReason(reason);
    }
    this.leaseId = null;
    this.leaseExpiresAt = null;
    this.finishedAt = now;
  }

  /**
   * The trust agent found the VALID result of this worker false (failed verification or
   * replication, replay, clawback): the result is dropped and the task goes back to the queue when
   * {@code requeue} and attempts are left, else it ends INVALID. Answers whether it changed.
   */
  public boolean resultRejected(String ofWorkerId, String reason, boolean requeue, Instant now) {
    if (status != TaskStatus.VALID || !ofWorkerId.equals(workerId)) {
      return false;
    }
    recordReason("attempt " + attempts + ": result INVALID: " + reason);
    valBpb = null;
    trainLoss = null;
    stepsCompleted = null;
    wallTimeSeconds = null;
    tokensProcessed = null;
    if (requeue && attempts < maxAttempts) {
      status = TaskStatus.QUEUED;
      workerId = null;
      finishedAt = null;
    } else {
      status = TaskStatus.INVALID;
      finishedAt = now;
    }
    return true;
  }

  /** The campaign was cancelled: a task not yet ended will never run. */
  public void cancel(Instant now) {
    if (!status.isFinal()) {
      clearLease();
      status = TaskStatus.CANCELLED;
      finishedAt = now;
    }
  }

  private void clearLease() {
    leaseId = null;
    workerId = null;
    leaseExpiresAt = null;
  }

  private void recordReason(String reason) {
    String joined = failureReasons == null ? reason : failureReasons + "\n" + reason;
    failureReasons =
        joined.length() > MAX_REASONS_LENGTH
            ? joined.substring(joined.length() - MAX_REASONS_LENGTH)
            : joined;
  }

  public String id() {
    return id;
  }

  public String campaignId() {
    return campaignId;
  }

  public int index() {
    return index;
  }

  public String configJson() {
    return configJson;
  }

  public long seed() {
    return seed;
  }

  public int timeBudget() {
    return timeBudget;
  }

  public String codePackageRef() {
    return codePackageRef;
  }

  public TaskStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public String leaseId() {
    return leaseId;
  }

  public String workerId() {
    return workerId;
  }

  public Instant leaseExpiresAt() {
    return leaseExpiresAt;
  }

  public Double valBpb() {
    return valBpb;
  }

  public Double trainLoss() {
    return trainLoss;
  }

  public Long stepsCompleted() {
    return stepsCompleted;
  }

  public Double wallTimeSeconds() {
    return wallTimeSeconds;
  }

  public String deviceUsed() {
    return deviceUsed;
  }

  public Long tokensProcessed() {
    return tokensProcessed;
  }

  public boolean simulated() {
    return simulated;
  }

  public String failureReasons() {
    return failureReasons;
  }

  public Instant finishedAt() {
    return finishedAt;
  }
}
