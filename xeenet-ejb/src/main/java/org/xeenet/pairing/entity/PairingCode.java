package org.xeenet.pairing.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A one-time code a volunteer was shown to pair a worker; only its SHA-256 is kept. */
@Entity
@Table(name = "XN_PAIRING_CODE")
public class PairingCode {
  @Id
  @Column(name = "CODE_SHA256")
  private String codeSha256;

  @Column(name = "ACCOUNT_ID")
  private String accountId;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  @Column(name = "EXPIRES_AT")
  private Instant expiresAt;

  @Column(name = "USED_AT")
  private Instant usedAt;

  @Column(name = "WORKER_ID")
  private String workerId;

  protected PairingCode() {}

  public PairingCode(String codeSha256, String accountId, Instant now, Instant expiresAt) {
    this.codeSha256 = codeSha256;
    this.accountId = accountId;
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  public String accountId() {
    return accountId;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant usedAt() {
    return usedAt;
  }

  public void use(String workerId, Instant now) {
    this.workerId = workerId;
    this.usedAt = now;
  }
}
