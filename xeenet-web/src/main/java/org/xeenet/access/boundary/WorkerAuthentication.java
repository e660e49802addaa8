package org.xeenet.access.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.xeenet.access.control.Caller;
import org.xeenet.account.control.BearerToken;
import org.xeenet.worker.boundary.WorkerRegistry;

/** Admits a worker route only with a registered worker's bearer token. */
@Provider
@WorkerCaller
@Priority(Priorities.AUTHENTICATION)
public class WorkerAuthentication implements ContainerRequestFilter {
  @EJB WorkerRegistry workers;

  @Override
  public void filter(ContainerRequestContext request) {
    String token =
        BearerToken.fromAuthorizationHeader(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      request.abortWith(Unauthenticated.response("a worker bearer token is required"));
      return;
    }
    workers
        .authenticate(token)
        .ifPresentOrElse(
            worker ->
                request.setSecurityContext(
                    new Caller(worker.id(), Caller.Role.WORKER)
                        .asSecurityContext(request.getSecurityContext().isSecure())),
            () -> request.abortWith(Unauthenticated.response("unknown worker token")));
  }
}
