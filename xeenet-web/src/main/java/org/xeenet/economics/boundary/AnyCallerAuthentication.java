package org.xeenet.economics.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.xeenet.access.control.Caller;
import org.xeenet.account.boundary.Accounts;
import org.xeenet.account.control.BearerToken;
import org.xeenet.api.Problem;
import org.xeenet.worker.boundary.WorkerRegistry;

/** Admits an {@link AnyCaller} route with a researcher's or a worker's bearer token. */
@Provider
@AnyCaller
@Priority(Priorities.AUTHENTICATION)
public class AnyCallerAuthentication implements ContainerRequestFilter {
  @EJB Accounts accounts;

  @EJB WorkerRegistry workers;

  @Override
  public void filter(ContainerRequestContext request) {
    String token =
        BearerToken.fromAuthorizationHeader(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (token == null) {
      request.abortWith(unauthorized("a researcher or worker bearer token is required"));
      return;
    }
    Optional<Caller> caller =
        accounts
            .authenticate(token)
            .map(r -> new Caller(r.id(), Caller.Role.RESEARCHER))
            .or(() -> workers.authenticate(token).map(w -> new Caller(w.id(), Caller.Role.WORKER)));
    if (caller.isEmpty()) {
      request.abortWith(unauthorized("unknown bearer token"));
      return;
    }
    request.setSecurityContext(
        caller.get().asSecurityContext(request.getSecurityContext().isSecure()));
  }

  private static Response unauthorized(String detail) {
    return Response.status(Response.Status.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"xeenet\"")
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem("about:blank", "Unauthorized", 401, detail, null))
        .build();
  }
}
