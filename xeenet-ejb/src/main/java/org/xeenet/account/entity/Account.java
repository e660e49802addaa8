package org.xeenet.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Someone who signs in to the portal or calls the API: a researcher, a volunteer or an
 * administrator. A researcher's or administrator's account shares its id with their {@link
 * Researcher} row.
 */
@Entity
@Table(name = "XN_ACCOUNT")
@NamedQuery(
    name = Account.BY_USERNAME,
    query = "SELECT a FROM Account a WHERE a.username = :username")
public class Account {
  public static final String BY_USERNAME = "Account.byUsername";

  @Id
  @Column(name = "ID")
  private String id;

  @Column(name = "USERNAME")
  private String username;

  @Column(name = "DISPLAY_NAME")
  private String displayName;

  @Column(name = "PASSWORD_HASH")
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(name = "ROLE")
  private AccountRole role;

  @Column(name = "FAILED_SIGN_INS")
  private int failedSignIns;

  @Column(name = "LOCKED_UNTIL")
  private Instant lockedUntil;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  protected Account() {}

  /** A new account; {@code id} is the researcher row's id for researchers, else null (random). */
  public Account(
      String id,
      String username,
      String displayName,
      String passwordHash,
      AccountRole role,
      Instant now) {
    this.id = id == null ? UUID.randomUUID().toString() : id;
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.role = role;
    this.createdAt = now;
  }

  public String id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public AccountRole role() {
    return role;
  }

  public int failedSignIns() {
    return failedSignIns;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }

  /** Records a sign-in attempt's outcome as the lockout rule decided it. */
  public void signInOutcome(int failedSignIns, Instant lockedUntil) {
    this.failedSignIns = failedSignIns;
    this.lockedUntil = lockedUntil;
  }

  public void setSignIn(String username, String passwordHash) {
    this.username = username;
    this.passwordHash = passwordHash;
  }
}
