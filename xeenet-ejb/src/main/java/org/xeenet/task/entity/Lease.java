package org.xeenet.task.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One attempt of a task by one worker. It records the worker's progress and, once finished, the
 * exact result it accepted and the answer given, so a repeated submission gets the same answer.
 */
@Entity
@Table(name = "XN_LEASE")
@NamedQuery(
    name = Lease.BY_IDEMPOTENCY_KEY,
    query = "SELECT l FROM Lease l WHERE l.workerId = :worker AND l.idempotencyKey = :key")
public class Lease {
  public static final String BY_IDEMPOTENCY_KEY = "Lease.byIdempotencyKey";

  @Id
  @Column(name = "ID")
  private String id;

  @Column(name = "TASK_ID")
  private String taskId;

  @Column(name = "WORKER_ID")
  private String workerId;

  @Column(name = "ATTEMPT")
  private int attempt;

  @Enumerated(EnumType.STRING)
  @Column(name = "STATE")
  private LeaseState state;

  @Column(name = "ISSUED_AT")
  private Instant issuedAt;

  @Column(name = "EXPIRES_AT")
  private Instant expiresAt;

  @Column(name = "LAST_HEARTBEAT_AT")
  private Instant lastHeartbeatAt;

  @Column(name = "PROGRESS_STEP")
  private Long progressStep;

  @Column(name = "PROGRESS_LOSS")
  private Double progressLoss;

  @Column(name = "IDEMPOTENCY_KEY")
  private String idempotencyKey;

  @Column(name = "RESULT_SHA256")
  private String resultSha256;

  @Lob
  @Column(name = "RESULT_JSON")
  private String resultJson;

  @Column(name = "ANSWER_ACCEPTED")
  private Boolean answerAccepted;

  @Column(name = "ANSWER_STATUS")
  private String answerStatus;

  @Column(name = "FINISHED_AT")
  private Instant finishedAt;

  protected Lease() {}

  public Lease(
      String taskId,
      String workerId,
      int attempt,
      Instant now,
      Instant expiresAt,
      String idempotencyKey) {
    this.id = UUID.randomUUID().toString();
    this.idempotencyKey = idempotencyKey;
    this.taskId = taskId;
    this.workerId = workerId;
    this.attempt = attempt;
    this.state = LeaseState.ACTIVE;
    this.issuedAt = now;
    this.expiresAt = expiresAt;
  }

  public boolean isActiveAt(Instant now) {
    return state == LeaseState.ACTIVE && now.isBefore(expiresAt);
  }

  public void heartbeat(Instant now, Instant newExpiry, Long step, Double loss) {
    if (state != LeaseState.ACTIVE) {
      throw new IllegalStateException("lease " + id + " is " + state);
    }
    lastHeartbeatAt = now;
    if (newExpiry.isAfter(expiresAt)) {
      expiresAt = newExpiry;
    }
    if (step != null) {
      progressStep = step;
    }
    if (loss != null) {
      progressLoss = loss;
    }
  }

  public void expire() {
    if (state == LeaseState.ACTIVE) {
      state = LeaseState.EXPIRED;
    }
  }

  public void revoke() {
    if (state == LeaseState.ACTIVE) {
      state = LeaseState.REVOKED;
    }
  }

  /** Records the result this lease delivered and the answer the worker got. */
  public void finish(
      String resultSha, String json, boolean accepted, String answeredStatus, Instant now) {
    if (resultSha256 != null) {
      throw new IllegalStateException("lease " + id + " already has a result");
    }
    resultSha256 = resultSha;
    resultJson = json;
    answerAccepted = accepted;
    answerStatus = answeredStatus;
    state = LeaseState.FINISHED;
    finishedAt = now;
  }

  public boolean hasResult() {
    return resultSha256 != null;
  }

  public String id() {
    return id;
  }

  public String taskId() {
    return taskId;
  }

  public String workerId() {
    return workerId;
  }

  public int attempt() {
    return attempt;
  }

  public LeaseState state() {
    return state;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public String resultSha256() {
    return resultSha256;
  }

  public String resultJson() {
    return resultJson;
  }

  public boolean answerAccepted() {
    return Boolean.TRUE.equals(answerAccepted);
  }

  public String answerStatus() {
    return answerStatus;
  }
}
