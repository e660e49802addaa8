package org.xeenet.worker.boundary;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.xeenet.access.boundary.WorkerCaller;
import org.xeenet.access.control.Caller;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.WorkerCredentials;
import org.xeenet.api.WorkerRegistration;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.problem.TransientFailure;
import org.xeenet.task.boundary.Dispatcher;
import org.xeenet.trust.boundary.Checks;

/** Worker registration and leasing. */
@Path("workers")
@Produces(MediaType.APPLICATION_JSON)
public class WorkersResource {
  @EJB WorkerRegistry registry;

  @EJB Dispatcher dispatcher;

  @Inject WorkerDirectory directory;

  @EJB Checks checks;

  @Context UriInfo uri;

  /** Registers a worker; the token in the answer is shown only this once. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(WorkerRegistration registration) {
    WorkerCredentials credentials = registry.register(registration);
    return Response.created(uri.getAbsolutePathBuilder().path(credentials.workerId()).build())
        .entity(credentials)
        .build();
  }

  private static String idempotencyKey(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    if (header.length() > 200) {
      throw new RejectedInputException("Idempotency-Key", "must be at most 200 characters");
    }
    return header.strip();
  }

  /**
   * The next task for this worker: 200 with a lease, or 204 and when to ask again. A retried
   * request with the same {@code Idempotency-Key} gets the same lease.
   */
  @POST
  @Path("{workerId}/lease")
  @WorkerCaller
  public Response lease(
      @PathParam("workerId") String workerId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @Context SecurityContext security) {
    Caller caller = Caller.of(security);
    if (!caller.id().equals(workerId)) {
      throw new ForbiddenException("a worker leases only for itself");
    }
    String apiBase = uri.getBaseUri().toString();
    String base = apiBase.endsWith("/") ? apiBase : apiBase + "/";
    String key = idempotencyKey(idempotencyKey);
    // the trust agent's checks of other workers' results go first (workers that run them only)
    Optional<LeaseGrant> check = TransientFailure.retry(() -> checks.offer(workerId, base));
    if (check.isPresent()) {
      return Response.ok(check.get()).build();
    }
    WorkerDirectory.WorkerStanding worker =
        directory
            .find(workerId)
            .orElseThrow(() -> new ForbiddenException("unknown worker " + workerId));
    return TransientFailure.retry(
            () ->
                dispatcher.lease(
                    workerId,
                    worker.profile(),
                    worker.codePackages(),
                    base,
                    key,
                    () -> directory.requireNotQuarantined(workerId)))
        .map(grant -> Response.ok(grant).build())
        .orElseGet(
            () ->
                Response.noContent()
                    .header("Retry-After", Integer.toString(dispatcher.retryAfterSeconds()))
                    .build());
  }
}
