package org.xeenet.access.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xeenet.access.control.Caller;
import org.xeenet.account.boundary.Accounts;
import org.xeenet.account.boundary.Identity;
import org.xeenet.account.control.BearerToken;
import org.xeenet.operations.boundary.RateLimiter;

/**
 * The one authentication mechanism of the application (Jakarta Security):
 *
 * <ul>
 *   <li>REST API ({@code /api/…}): only an {@code Authorization: Bearer} token, checked by the
 *       identity stores (worker tokens, then account API tokens). A session cookie is never
 *       accepted there, so the API cannot be driven cross-site with a signed-in browser.
 *   <li>Portal pages: the account signed in to the HTTP session, re-read on each request (a deleted
 *       account is signed out at once).
 *   <li>Sign-in: the portal calls {@code SecurityContext.authenticate} with a user name and
 *       password or an API token; on success the session id changes and the account is kept in the
 *       session.
 * </ul>
 *
 * No route is protected by the container: the JAX-RS filters and the portal's login filter decide
 * with the caller left in the request ({@link Callers}), answering 401/403 in their own format.
 */
@ApplicationScoped
@DeclareRoles({"researcher", "volunteer", "admin", "worker"})
public class XeeNetAuthentication implements HttpAuthenticationMechanism {
  private static final Logger LOG = Logger.getLogger(XeeNetAuthentication.class.getName());
  static final String SESSION_ACCOUNT = "org.xeenet.access.account";

  @Inject IdentityStoreHandler identityStores;

  @EJB Accounts accounts;

  @Inject SignInAttempt attempt;

  @Inject
  @ConfigProperty(name = "xeenet.signin.per-minute", defaultValue = "30")
  int signInsPerMinute;

  /** Password checks per client address: each costs a deliberately slow hash. */
  private volatile RateLimiter signInLimiter;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential given =
        context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
    if (given != null) {
      return signIn(request, context, given);
    }
    if (isApi(request)) {
      String token = BearerToken.fromAuthorizationHeader(request.getHeader("Authorization"));
      if (token != null) {
        CredentialValidationResult result =
            identityStores.validate(new BearerTokenCredential(token));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
          Callers.set(
              request, callerOf(result.getCallerPrincipal().getName(), result.getCallerGroups()));
          return context.notifyContainerAboutLogin(result);
        }
      }
      return context.doNothing();
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_ACCOUNT) instanceof String accountId) {
      Optional<Identity> identity = accounts.identity(accountId);
      if (identity.isPresent()) {
        Callers.set(request, callerOf(accountId, identity.get().groups()));
        return context.notifyContainerAboutLogin(accountId, identity.get().groups());
      }
      session.removeAttribute(SESSION_ACCOUNT);
    }
    return context.doNothing();
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    if (credential instanceof UsernamePasswordCredential && throttled(request)) {
      attempt.throttled();
      LOG.warning(() -> "sign-in attempts from " + request.getRemoteAddr() + " throttled");
      return AuthenticationStatus.SEND_FAILURE;
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID
        || result.getCallerGroups().contains(WorkerIdentityStore.GROUP)) {
      return AuthenticationStatus.SEND_FAILURE; // the page says why; no 401 page
    }
    String accountId = result.getCallerPrincipal().getName();
    if (request.getSession(false) != null) {
      request.changeSessionId(); // no session fixation
    }
    request.getSession(true).setAttribute(SESSION_ACCOUNT, accountId);
    Callers.set(request, callerOf(accountId, result.getCallerGroups()));
    LOG.info(() -> "account " + accountId + " signed in to the portal");
    return context.notifyContainerAboutLogin(result);
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SESSION_ACCOUNT);
    }
    request.removeAttribute(Callers.ATTRIBUTE);
  }

  private boolean throttled(HttpServletRequest request) {
    if (signInsPerMinute <= 0) {
      return false;
    }
    RateLimiter limiter = signInLimiter;
    if (limiter == null) {
      limiter = new RateLimiter(signInsPerMinute, 10_000);
      signInLimiter = limiter;
    }
    return limiter.acquire(request.getRemoteAddr(), System.nanoTime()) > 0;
  }

  static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  static Caller callerOf(String id, Set<String> groups) {
    Caller.Role role =
        groups.contains(WorkerIdentityStore.GROUP)
            ? Caller.Role.WORKER
            : groups.contains("researcher") ? Caller.Role.RESEARCHER : Caller.Role.VOLUNTEER;
    return new Caller(id, role);
  }
}
