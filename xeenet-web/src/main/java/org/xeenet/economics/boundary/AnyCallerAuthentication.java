package org.xeenet.economics.boundary;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.xeenet.access.boundary.Callers;
import org.xeenet.access.boundary.Unauthenticated;
import org.xeenet.access.control.Caller;

/**
 * Admits an {@link AnyCaller} route with any known bearer token: a researcher's, a volunteer's or a
 * worker's.
 */
@Provider
@AnyCaller
@Priority(Priorities.AUTHENTICATION)
public class AnyCallerAuthentication implements ContainerRequestFilter {
  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    Caller caller = Callers.of(servletRequest);
    if (caller == null) {
      request.abortWith(
          Unauthenticated.response(
              servletRequest.getHeader("Authorization") == null
                  ? "a researcher or worker bearer token is required"
                  : "unknown bearer token"));
      return;
    }
    request.setSecurityContext(caller.asSecurityContext(request.getSecurityContext().isSecure()));
  }
}
