package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.xeenet.access.boundary.Callers;
import org.xeenet.access.control.Caller;
import org.xeenet.account.boundary.Accounts;
import org.xeenet.account.boundary.Identity;
import org.xeenet.problem.ForbiddenException;

/**
 * Who is signed in to the portal for this request, as the authentication mechanism recognised them
 * from the HTTP session (which keeps only the account id, never a password or token).
 */
@Named("portalSession")
@RequestScoped
public class PortalSession implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient HttpServletRequest request;

  @EJB transient Accounts accounts;

  private transient Identity identity;
  private transient boolean looked;

  private Identity identity() {
    if (!looked) {
      looked = true;
      Caller caller = Callers.of(request);
      if (caller != null && caller.role() != Caller.Role.WORKER) {
        identity = accounts.identity(caller.id()).orElse(null);
      }
    }
    return identity;
  }

  public boolean isLoggedIn() {
    return identity() != null;
  }

  /** The signed-in account's id (a researcher's id for researchers), or null. */
  public String getResearcherId() {
    Identity who = identity();
    return who != null && who.researcher() ? who.id() : null;
  }

  /** The name shown in the bar: the display name, else the user name. */
  public String getResearcherName() {
    Identity who = identity();
    return who == null ? null : who.displayName() != null ? who.displayName() : who.username();
  }

  public String getAccountId() {
    Identity who = identity();
    return who == null ? null : who.id();
  }

  public String getUsername() {
    Identity who = identity();
    return who == null ? null : who.username();
  }

  public boolean isResearcher() {
    Identity who = identity();
    return who != null && who.researcher();
  }

  public boolean isVolunteer() {
    Identity who = identity();
    return who != null && who.volunteer();
  }

  public boolean isAdmin() {
    Identity who = identity();
    return who != null && who.admin();
  }

  /** The signed-in researcher's id; a volunteer (or nobody) is refused. */
  String requireResearcher() {
    Identity who = identity();
    if (who == null || !who.researcher()) {
      throw new ForbiddenException("this page is for researchers");
    }
    return who.id();
  }

  /** The signed-in account's id, whatever its role. */
  String requireAccount() {
    Identity who = identity();
    if (who == null) {
      throw new ForbiddenException("sign in first");
    }
    return who.id();
  }
}
