package org.xeenet.access.control;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The authenticated caller of a request: a worker, a researcher (administrators included) or a
 * volunteer, by id (a worker's id or an account's id).
 */
public record Caller(String id, Role role) implements Principal {

  /** The kinds of caller. */
  public enum Role {
    WORKER,
    RESEARCHER,
    VOLUNTEER
  }

  @Override
  public String getName() {
    return id;
  }

  /** A security context carrying this caller, for the resources of the request. */
  public SecurityContext asSecurityContext(boolean secure) {
    Caller self = this;
    return new SecurityContext() {
      @Override
      public Principal getUserPrincipal() {
        return self;
      }

      @Override
      public boolean isUserInRole(String name) {
        return role.name().equalsIgnoreCase(name);
      }

      @Override
      public boolean isSecure() {
        return secure;
      }

      @Override
      public String getAuthenticationScheme() {
        return "Bearer";
      }
    };
  }

  /** The caller of a request that passed one of the authentication filters. */
  public static Caller of(SecurityContext context) {
    if (context.getUserPrincipal() instanceof Caller caller) {
      return caller;
    }
    throw new IllegalStateException("route is not behind an authentication filter");
  }
}
