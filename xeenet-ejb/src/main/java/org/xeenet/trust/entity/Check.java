package org.xeenet.trust.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A check of one result (the subject lease) by another worker: {@link #VERIFY} recomputes val_bpb
 * from the uploaded checkpoint, {@link #REPLICATE} trains the same config and seed for the steps
 * the result claims. Lifecycle: WAITING (verify: for the checkpoint) → QUEUED → LEASED → AGREED |
 * DISAGREED; VOID when it cannot be done or is no longer needed. A LEASED check whose lease expired
 * is offered again.
 */
@Entity
@Table(name = "XN_CHECK")
public class Check {
  public static final String VERIFY = "VERIFY";
  public static final String REPLICATE = "REPLICATE";

  public static final String WAITING = "WAITING";
  public static final String QUEUED = "QUEUED";
  public static final String LEASED = "LEASED";
  public static final String AGREED = "AGREED";
  public static final String DISAGREED = "DISAGREED";
  public static final String VOID = "VOID";

  static final int MAX_DETAIL = 2000;

  @Id
  @Column(name = "ID")
  private String id;

  @Column(name = "KIND")
  private String kind;

  @Column(name = "STATUS")
  private String status;

  @Column(name = "SUBJECT_LEASE_ID")
  private String subjectLeaseId;

  @Column(name = "SUBJECT_WORKER_ID")
  private String subjectWorkerId;

  @Column(name = "TASK_ID")
  private String taskId;

  @Column(name = "CAMPAIGN_ID")
  private String campaignId;

  @Column(name = "ROUND_NO")
  private int round;

  @Column(name = "MAX_STEPS")
  private Long maxSteps;

  @Column(name = "TIME_BUDGET")
  private int timeBudget;

  @Column(name = "CHECKPOINT_SHA256")
  private String checkpointSha256;

  @Column(name = "LEASE_ID")
  private String leaseId;

  @Column(name = "CHECKER_ID")
  private String checkerId;

  @Column(name = "EXPIRES_AT")
  private Instant expiresAt;

  @Column(name = "ATTEMPTS")
  private int attempts;

  @Column(name = "CLAIMED_VAL_BPB")
  private Double claimedValBpb;

  @Column(name = "MEASURED_VAL_BPB")
  private Double measuredValBpb;

  @Column(name = "MEASURED_STEPS")
  private Long measuredSteps;

  @Column(name = "DETAIL")
  private String detail;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  @Column(name = "FINISHED_AT")
  private Instant finishedAt;

  protected Check() {}

  public Check(
      String kind,
      String subjectLeaseId,
      String subjectWorkerId,
      String taskId,
      String campaignId,
      int round,
      Long maxSteps,
      int timeBudget,
      String checkpointSha256,
      Double claimedValBpb,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.kind = kind;
    this.subjectLeaseId = subjectLeaseId;
    this.subjectWorkerId = subjectWorkerId;
    this.taskId = taskId;
    this.campaignId = campaignId;
    this.round = round;
    this.maxSteps = maxSteps;
    this.timeBudget = timeBudget;
    this.checkpointSha256 = checkpointSha256;
    this.claimedValBpb = claimedValBpb;
    this.status = VERIFY.equals(kind) ? WAITING : QUEUED;
    this.createdAt = now;
  }

  /** The verified checkpoint is in: the check may be offered. */
  public void checkpointArrived() {
    if (WAITING.equals(status)) {
      status = QUEUED;
    }
  }

  /** Hands the check to a worker under a new lease id. */
  public void lease(String newLeaseId, String toWorker, Instant expires) {
    leaseId = newLeaseId;
    checkerId = toWorker;
    expiresAt = expires;
    attempts++;
    status = LEASED;
  }

  public boolean isLeasedUnder(String aLeaseId, Instant now) {
    return LEASED.equals(status) && aLeaseId.equals(leaseId) && now.isBefore(expiresAt);
  }

  public void extend(Instant expires) {
    if (LEASED.equals(status) && expires.isAfter(expiresAt)) {
      expiresAt = expires;
    }
  }

  /** The checker could not do it: offered again (to another worker), or VOID after 3 tries. */
  public void attemptLost(String why) {
    if (!LEASED.equals(status)) {
      return;
    }
    note("attempt " + attempts + " by " + checkerId + ": " + why);
    status = attempts >= 3 ? VOID : QUEUED;
    leaseId = null;
    checkerId = null;
    expiresAt = null;
  }

  public void finish(boolean agreed, Double valBpb, Long steps, String why, Instant now) {
    status = agreed ? AGREED : DISAGREED;
    measuredValBpb = valBpb;
    measuredSteps = steps;
    note(why);
    finishedAt = now;
  }

  public void voided(String why, Instant now) {
    if (!isOver()) {
      status = VOID;
      note(why);
      finishedAt = now;
    }
  }

  public boolean isOver() {
    return AGREED.equals(status) || DISAGREED.equals(status) || VOID.equals(status);
  }

  private void note(String text) {
    if (text == null) {
      return;
    }
    String joined = detail == null ? text : detail + "; " + text;
    detail = joined.length() > MAX_DETAIL ? joined.substring(0, MAX_DETAIL) : joined;
  }

  public String id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public String status() {
    return status;
  }

  public String subjectLeaseId() {
    return subjectLeaseId;
  }

  public String subjectWorkerId() {
    return subjectWorkerId;
  }

  public String taskId() {
    return taskId;
  }

  public String campaignId() {
    return campaignId;
  }

  public int round() {
    return round;
  }

  public Long maxSteps() {
    return maxSteps;
  }

  public int timeBudget() {
    return timeBudget;
  }

  public String checkpointSha256() {
    return checkpointSha256;
  }

  public String leaseId() {
    return leaseId;
  }

  public String checkerId() {
    return checkerId;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public int attempts() {
    return attempts;
  }

  public Double claimedValBpb() {
    return claimedValBpb;
  }

  public Double measuredValBpb() {
    return measuredValBpb;
  }

  public Long measuredSteps() {
    return measuredSteps;
  }

  public String detail() {
    return detail;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }
}
