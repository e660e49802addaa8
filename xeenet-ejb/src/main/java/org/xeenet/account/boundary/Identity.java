package org.xeenet.account.boundary;

import java.util.Set;
import org.xeenet.account.entity.AccountRole;

/** Who an account is, as authentication answers it: never its password or tokens. */
public record Identity(String id, String username, String displayName, AccountRole role) {

  /** The Jakarta Security groups (= roles) of this account. */
  public Set<String> groups() {
    return role.groups();
  }

  public boolean admin() {
    return role == AccountRole.ADMIN;
  }

  /** Researchers and administrators: they have campaigns and credits. */
  public boolean researcher() {
    return role.researches();
  }

  public boolean volunteer() {
    return role == AccountRole.VOLUNTEER;
  }
}
