package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.logging.Logger;
import org.xeenet.account.boundary.Accounts;
import org.xeenet.account.entity.Researcher;

/** Sign-in with a researcher's bearer token, and sign-out. */
@Named("login")
@RequestScoped
public class LoginView {
  private static final Logger LOG = Logger.getLogger(LoginView.class.getName());

  @EJB Accounts accounts;

  @Inject PortalSession session;

  private String token;

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  /**
   * Whether a researcher is signed in to this request's session. Asks the session bean only when an
   * HTTP session exists, so pages shown to anonymous visitors (login) create none.
   */
  public boolean isSignedIn() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return request.getSession(false) != null && session.isLoggedIn();
  }

  public String login() {
    FacesContext faces = FacesContext.getCurrentInstance();
    String typed = token == null ? null : token.strip();
    token = null;
    Optional<Researcher> researcher = accounts.authenticate(typed);
    if (researcher.isEmpty()) {
      faces.addMessage(
          "login:token",
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "Unknown token.",
              "This token does not belong to any researcher. Check it and try again."));
      return null;
    }
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    if (request.getSession(false) != null) {
      request.changeSessionId(); // no session fixation: a new id for the signed-in session
    }
    Researcher who = researcher.get();
    session.signIn(who.id(), who.name());
    LOG.info(() -> "researcher " + who.id() + " signed in to the portal");
    return "/index.xhtml?faces-redirect=true";
  }

  public String logout() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    String who = session.getResearcherId();
    session.signOut();
    external.invalidateSession();
    LOG.info(() -> "researcher " + who + " signed out of the portal");
    return "/login.xhtml?faces-redirect=true";
  }
}
