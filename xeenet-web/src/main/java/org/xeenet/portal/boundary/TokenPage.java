package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import org.xeenet.account.boundary.Accounts;
import org.xeenet.account.boundary.Accounts.TokenView;
import org.xeenet.portal.control.Formats;
import org.xeenet.problem.ConflictException;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;

/** The API token page: the signed-in account's tokens; create one (shown once), revoke one. */
@Named("tokenPage")
@RequestScoped
public class TokenPage {
  @EJB Accounts accounts;

  @Inject PortalSession session;

  private String label;
  private String created;
  private List<TokenView> tokens;

  public List<TokenView> getTokens() {
    if (tokens == null) {
      tokens = accounts.tokens(session.requireAccount());
    }
    return tokens;
  }

  public String create() {
    try {
      created = accounts.createToken(session.requireAccount(), label).token();
      label = null;
      tokens = null;
    } catch (RejectedInputException | ConflictException e) {
      FacesContext.getCurrentInstance()
          .addMessage(
              "tokens:label",
              new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), e.getMessage()));
    }
    return null;
  }

  public String revoke(String tokenId) {
    try {
      accounts.revokeToken(session.requireAccount(), tokenId);
    } catch (NotFoundException e) {
      FacesContext.getCurrentInstance()
          .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "No such token.", null));
    }
    tokens = null;
    return null;
  }

  public String format(Instant instant) {
    return instant == null ? "–" : Formats.instant(instant);
  }

  /** The token just created, shown this once; null otherwise. */
  public String getCreated() {
    return created;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }
}
