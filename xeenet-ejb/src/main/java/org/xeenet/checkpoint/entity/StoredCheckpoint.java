package org.xeenet.checkpoint.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The checkpoint of one lease's result; the bytes are a file named by its SHA-256. */
@Entity
@Table(name = "XN_CHECKPOINT")
public class StoredCheckpoint {
  @Id
  @Column(name = "LEASE_ID", updatable = false)
  private String leaseId;

  @Column(name = "TASK_ID", updatable = false)
  private String taskId;

  @Column(name = "CAMPAIGN_ID", updatable = false)
  private String campaignId;

  @Column(name = "WORKER_ID", updatable = false)
  private String workerId;

  @Column(name = "SHA256", updatable = false)
  private String sha256;

  @Column(name = "SIZE_BYTES", updatable = false)
  private long sizeBytes;

  @Column(name = "CREATED_AT", updatable = false)
  private Instant createdAt;

  protected StoredCheckpoint() {}

  public StoredCheckpoint(
      String leaseId,
      String taskId,
      String campaignId,
      String workerId,
      String sha256,
      long sizeBytes,
      Instant now) {
    this.leaseId = leaseId;
    this.taskId = taskId;
    this.campaignId = campaignId;
    this.workerId = workerId;
    this.sha256 = sha256;
    this.sizeBytes = sizeBytes;
    this.createdAt = now;
  }

  public String leaseId() {
    return leaseId;
  }

  public String taskId() {
    return taskId;
  }

  public String campaignId() {
    return campaignId;
  }

  public String workerId() {
    return workerId;
  }

  public String sha256() {
    return sha256;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
