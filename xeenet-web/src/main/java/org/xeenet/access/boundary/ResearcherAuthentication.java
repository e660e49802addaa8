package org.xeenet.access.boundary;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.xeenet.access.control.Caller;

/**
 * Admits a researcher route only with a researcher's (or administrator's) bearer token: 401 without
 * one or with a worker's, 403 for a volunteer's.
 */
@Provider
@ResearcherCaller
@Priority(Priorities.AUTHENTICATION)
public class ResearcherAuthentication implements ContainerRequestFilter {
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    Caller caller = Callers.of(servletRequest);
    if (caller == null || caller.role() == Caller.Role.WORKER) {
      request.abortWith(
          Unauthenticated.response(
              Callers.hasCredentials(servletRequest)
                  ? "unknown researcher token"
                  : "a researcher bearer token is required"));
      return;
    }
    if (caller.role() != Caller.Role.RESEARCHER) {
      request.abortWith(Unauthenticated.forbidden("this route is for researchers"));
      return;
    }
    request.setSecurityContext(caller.asSecurityContext(request.getSecurityContext().isSecure()));
  }
}
