package org.xeenet.access.boundary;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.xeenet.access.control.Caller;

/** Admits a worker route only with a registered worker's bearer token. */
@Provider
@WorkerCaller
@Priority(Priorities.AUTHENTICATION)
public class WorkerAuthentication implements ContainerRequestFilter {
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    Caller caller = Callers.of(servletRequest);
    if (caller == null || caller.role() != Caller.Role.WORKER) {
      request.abortWith(
          Unauthenticated.response(
              Callers.hasCredentials(servletRequest)
                  ? "unknown worker token"
                  : "a worker bearer token is required"));
      return;
    }
    request.setSecurityContext(caller.asSecurityContext(request.getSecurityContext().isSecure()));
  }
}
