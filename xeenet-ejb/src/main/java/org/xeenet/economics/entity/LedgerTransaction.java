package org.xeenet.economics.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One movement of credits, written once and never changed (the table refuses updates and deletes);
 * its {@link Posting}s sum to zero. Unique by kind and reference.
 */
@Entity
@Table(name = "XN_LEDGER_TXN")
public class LedgerTransaction {
  @Id
  @Column(name = "ID", updatable = false)
  private String id;

  @Column(name = "KIND", updatable = false)
  private String kind;

  @Column(name = "REFERENCE", updatable = false)
  private String reference;

  @Column(name = "CAMPAIGN_ID", updatable = false)
  private String campaignId;

  @Column(name = "WORKER_ID", updatable = false)
  private String workerId;

  @Column(name = "MEMO", updatable = false)
  private String memo;

  @Column(name = "CREATED_AT", updatable = false)
  private Instant createdAt;

  protected LedgerTransaction() {}

  public LedgerTransaction(
      String kind, String reference, String campaignId, String workerId, String memo, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.kind = kind;
    this.reference = reference;
    this.campaignId = campaignId;
    this.workerId = workerId;
    this.memo = memo == null || memo.length() <= 1000 ? memo : memo.substring(0, 1000);
    this.createdAt = now;
  }

  public String id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public String reference() {
    return reference;
  }

  public String campaignId() {
    return campaignId;
  }

  public String workerId() {
    return workerId;
  }

  public String memo() {
    return memo;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
