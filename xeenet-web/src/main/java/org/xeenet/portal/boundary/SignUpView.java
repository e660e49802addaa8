package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.xeenet.account.boundary.Accounts;
import org.xeenet.account.boundary.Identity;
import org.xeenet.account.entity.AccountRole;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.problem.RejectedInputException;

/** The sign-up form: a researcher or volunteer account with a password, then signed in. */
@Named("signUp")
@RequestScoped
public class SignUpView {
  private static final Map<String, String> FIELDS =
      Map.of(
          "username", "signup:username",
          "password", "signup:password",
          "display_name", "signup:displayName",
          "role", "signup:role");

  @EJB Accounts accounts;

  @Inject SecurityContext security;

  private String username;
  private String displayName;
  private String password;
  private String role;

  public String create() {
    FacesContext faces = FacesContext.getCurrentInstance();
    String typed = password;
    password = null;
    AccountRole chosen;
    try {
      chosen = role == null ? null : AccountRole.valueOf(role);
    } catch (IllegalArgumentException e) {
      chosen = null;
    }
    Identity identity;
    try {
      identity = accounts.signUp(username, displayName, typed, chosen);
    } catch (RejectedInputException e) {
      for (FieldError error : e.errors()) {
        faces.addMessage(
            FIELDS.getOrDefault(error.field(), null),
            new FacesMessage(FacesMessage.SEVERITY_ERROR, error.message(), error.message()));
      }
      return null;
    }
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            AuthenticationParameters.withParams()
                .credential(
                    new UsernamePasswordCredential(identity.username(), new Password(typed)))
                .newAuthentication(true));
    if (status != AuthenticationStatus.SUCCESS) {
      return PortalPages.LOGIN + "?faces-redirect=true";
    }
    return (identity.volunteer() ? PortalPages.VOLUNTEER_HOME : PortalPages.RESEARCHER_HOME)
        + "?faces-redirect=true";
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getRole() {
    return role;
  }

  public void setRole(String role) {
    this.role = role;
  }
}
