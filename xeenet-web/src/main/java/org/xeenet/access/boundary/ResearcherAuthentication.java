package org.xeenet.access.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.xeenet.access.control.Caller;
import org.xeenet.account.boundary.Accounts;
import org.xeenet.account.control.BearerToken;

/** Admits a researcher route only with a researcher's bearer token. */
@Provider
@ResearcherCaller
@Priority(Priorities.AUTHENTICATION)
public class ResearcherAuthentication implements ContainerRequestFilter {
  @EJB Accounts accounts;

  @Override
  public void filter(ContainerRequestContext request) {
    String token =
        BearerToken.fromAuthorizationHeader(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      request.abortWith(Unauthenticated.response("a researcher bearer token is required"));
      return;
    }
    accounts
        .authenticate(token)
        .ifPresentOrElse(
            researcher ->
                request.setSecurityContext(
                    new Caller(researcher.id(), Caller.Role.RESEARCHER)
                        .asSecurityContext(request.getSecurityContext().isSecure())),
            () -> request.abortWith(Unauthenticated.response("unknown researcher token")));
  }
}
