package org.xeenet.portal.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.logging.Logger;
import org.xeenet.access.boundary.BearerTokenCredential;
import org.xeenet.access.boundary.Callers;
import org.xeenet.access.boundary.SignInAttempt;
import org.xeenet.access.control.Caller;

/**
 * Sign-in (user name and password, or an API token) through Jakarta Security's {@code
 * SecurityContext.authenticate}, and sign-out.
 */
@Named("login")
@RequestScoped
public class LoginView {
  private static final Logger LOG = Logger.getLogger(LoginView.class.getName());

  @Inject PortalSession session;

  @Inject SecurityContext security;

  @Inject SignInAttempt attempt;

  private String username;
  private String password;
  private String token;

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  /** Whether someone is signed in to this request's session. */
  public boolean isSignedIn() {
    return session.isLoggedIn();
  }

  /** Sign-in with a user name and password. */
  public String signIn() {
    String typed = password;
    password = null;
    if (typed == null || username == null) {
      return null;
    }
    if (authenticate(new UsernamePasswordCredential(username.strip(), new Password(typed)))) {
      return home();
    }
    FacesContext.getCurrentInstance()
        .addMessage(
            "signin:password",
            attempt.isThrottled()
                ? new FacesMessage(
                    FacesMessage.SEVERITY_ERROR,
                    "Too many attempts.",
                    "Too many sign-in attempts from this address: wait a minute and try again.")
                : attempt.locked()
                    ? new FacesMessage(
                        FacesMessage.SEVERITY_ERROR,
                        "Account locked.",
                        "Too many wrong passwords: this account is locked for 15 minutes.")
                    : new FacesMessage(
                        FacesMessage.SEVERITY_ERROR,
                        "Wrong user name or password.",
                        "Wrong user name or password. Check them and try again."));
    return null;
  }

  /** Sign-in with an API token (e.g. the administrator's bootstrap token). */
  public String login() {
    String typed = token == null ? null : token.strip();
    token = null;
    if (typed != null && !typed.isEmpty() && authenticate(new BearerTokenCredential(typed))) {
      return home();
    }
    FacesContext.getCurrentInstance()
        .addMessage(
            "login:token",
            new FacesMessage(
                FacesMessage.SEVERITY_ERROR,
                "Unknown token.",
                "This token does not belong to any account. Check it and try again."));
    return null;
  }

  private boolean authenticate(Credential credential) {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
    return status == AuthenticationStatus.SUCCESS;
  }

  private String home() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    Caller caller = Callers.of(request);
    return (caller != null && caller.role() == Caller.Role.VOLUNTEER
            ? PortalPages.VOLUNTEER_HOME
            : PortalPages.RESEARCHER_HOME)
        + "?faces-redirect=true";
  }

  public String logout() throws ServletException {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    String who = session.getAccountId();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    LOG.info(() -> "account " + who + " signed out of the portal");
    return "/login.xhtml?faces-redirect=true";
  }
}
