package org.xeenet.account.entity;

/** What an account may do: researchers run campaigns, volunteers run workers, admins see all. */
public enum AccountRole {
  RESEARCHER,
  VOLUNTEER,
  ADMIN;

  /** The Jakarta Security groups of this role: an administrator is also a researcher. */
  public java.util.Set<String> groups() {
    return switch (this) {
      case RESEARCHER -> java.util.Set.of("researcher");
      case VOLUNTEER -> java.util.Set.of("volunteer");
      case ADMIN -> java.util.Set.of("researcher", "admin");
    };
  }

  /** Whether the account has a researcher row (campaigns, credits). */
  public boolean researches() {
    return this != VOLUNTEER;
  }
}
