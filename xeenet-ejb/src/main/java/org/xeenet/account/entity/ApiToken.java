package org.xeenet.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** An API bearer token of an account; only its SHA-256 and first characters are kept. */
@Entity
@Table(name = "XN_API_TOKEN")
@NamedQuery(
    name = ApiToken.BY_SHA,
    query = "SELECT t FROM ApiToken t WHERE t.tokenSha256 = :sha AND t.revokedAt IS NULL")
@NamedQuery(
    name = ApiToken.OF_ACCOUNT,
    query = "SELECT t FROM ApiToken t WHERE t.accountId = :account ORDER BY t.createdAt DESC")
public class ApiToken {
  public static final String BY_SHA = "ApiToken.bySha";
  public static final String OF_ACCOUNT = "ApiToken.ofAccount";

  @Id
  @Column(name = "ID")
  private String id;

  @Column(name = "ACCOUNT_ID")
  private String accountId;

  @Column(name = "LABEL")
  private String label;

  @Column(name = "TOKEN_SHA256")
  private String tokenSha256;

  @Column(name = "TOKEN_PREFIX")
  private String tokenPrefix;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  @Column(name = "LAST_USED_AT")
  private Instant lastUsedAt;

  @Column(name = "REVOKED_AT")
  private Instant revokedAt;

  protected ApiToken() {}

  public ApiToken(
      String accountId, String label, String tokenSha256, String tokenPrefix, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.accountId = accountId;
    this.label = label;
    this.tokenSha256 = tokenSha256;
    this.tokenPrefix = tokenPrefix;
    this.createdAt = now;
  }

  public String id() {
    return id;
  }

  public String accountId() {
    return accountId;
  }

  public String label() {
    return label;
  }

  public String tokenSha256() {
    return tokenSha256;
  }

  public String tokenPrefix() {
    return tokenPrefix;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public boolean revoked() {
    return revokedAt != null;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  /** Notes a use; writes at most once a minute. */
  public void used(Instant now) {
    if (lastUsedAt == null || Duration.between(lastUsedAt, now).toSeconds() >= 60) {
      lastUsedAt = now;
    }
  }
}
