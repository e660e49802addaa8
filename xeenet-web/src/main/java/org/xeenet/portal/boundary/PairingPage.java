package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.xeenet.pairing.boundary.Pairing;
import org.xeenet.portal.control.Formats;

/** A volunteer's pairing page: a one-time code for a new worker, and the paired workers. */
@Named("pairingPage")
@RequestScoped
public class PairingPage {
  @EJB Pairing pairing;

  @Inject PortalSession session;

  @Inject HttpServletRequest request;

  private Pairing.IssuedCode issued;
  private Pairing.VolunteerAccount account;

  public String issue() {
    issued = pairing.issue(session.requireAccount());
    return null;
  }

  public String getCode() {
    return issued == null ? null : issued.code();
  }

  public String getExpires() {
    return issued == null ? null : Formats.instant(issued.expiresAt());
  }

  /** This server's base URL as the browser reached it, for the worker's command line. */
  public String getServerUrl() {
    String url = request.getRequestURL().toString();
    return url.substring(0, url.length() - request.getRequestURI().length())
        + request.getContextPath();
  }

  public Pairing.VolunteerAccount getAccount() {
    if (account == null) {
      account = pairing.volunteer(session.requireAccount());
    }
    return account;
  }
}
