package org.xeenet.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A researcher who writes briefs and pays for campaigns. */
@Entity
@Table(name = "XN_RESEARCHER")
@NamedQuery(name = Researcher.BY_NAME, query = "SELECT r FROM Researcher r WHERE r.name = :name")
public class Researcher {
  public static final String BY_NAME = "Researcher.byName";

  @Id
  @Column(name = "ID")
  private String id;

  @Column(name = "NAME")
  private String name;

  @Column(name = "IS_ADMIN")
  private boolean admin;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  protected Researcher() {}

  /** A researcher; its API tokens live in {@link ApiToken}, its sign-in in {@link Account}. */
  public Researcher(String name, boolean admin, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.admin = admin;
    this.name = name;
    this.createdAt = now;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** Administrators manage accounts. */
  public boolean admin() {
    return admin;
  }
}
