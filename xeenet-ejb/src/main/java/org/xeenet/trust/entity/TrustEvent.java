package org.xeenet.trust.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What the trust agent learnt from one result of a worker: validated, invalid, implausible, or
 * clawed back. Written once, never changed; reputation is derived from these rows.
 */
@Entity
@Table(name = "XN_TRUST_EVENT")
public class TrustEvent {
  public static final String VALID = "VALID";
  public static final String INVALID = "INVALID";
  public static final String IMPLAUSIBLE = "IMPLAUSIBLE";
  public static final String CLAWBACK = "CLAWBACK";

  /** The checks proved this (unpaid) result false. */
  public static final String REJECTED = "REJECTED";

  /** Another worker's check agreed with this result. */
  public static final String CONFIRMED = "CONFIRMED";

  /** A check this worker ran was upheld. */
  public static final String CHECK_OK = "CHECK_OK";

  /** A check this worker ran was outvoted by another checker. */
  public static final String CHECK_WRONG = "CHECK_WRONG";

  /** The kinds that raise a reputation; every other kind lowers it by its weight. */
  public static boolean isGood(String kind) {
    return VALID.equals(kind) || CONFIRMED.equals(kind) || CHECK_OK.equals(kind);
  }

  @Id
  @Column(name = "ID", updatable = false)
  private String id;

  @Column(name = "WORKER_ID", updatable = false)
  private String workerId;

  @Column(name = "LEASE_ID", updatable = false)
  private String leaseId;

  @Column(name = "TASK_ID", updatable = false)
  private String taskId;

  @Column(name = "KIND", updatable = false)
  private String kind;

  @Column(name = "WEIGHT", updatable = false)
  private double weight;

  @Column(name = "DETAIL", updatable = false)
  private String detail;

  @Column(name = "CREATED_AT", updatable = false)
  private Instant createdAt;

  protected TrustEvent() {}

  public TrustEvent(
      String workerId,
      String leaseId,
      String taskId,
      String kind,
      double weight,
      String detail,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.workerId = workerId;
    this.leaseId = leaseId;
    this.taskId = taskId;
    this.kind = kind;
    this.weight = weight;
    this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    this.createdAt = now;
  }

  public String workerId() {
    return workerId;
  }

  public String leaseId() {
    return leaseId;
  }

  public String taskId() {
    return taskId;
  }

  public String kind() {
    return kind;
  }

  public double weight() {
    return weight;
  }

  public String detail() {
    return detail;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
