package org.xeenet.trust.boundary;

import jakarta.ejb.EJB;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.List;
import org.xeenet.access.boundary.ResearcherCaller;
import org.xeenet.access.control.Caller;
import org.xeenet.account.boundary.Accounts;
import org.xeenet.account.entity.Researcher;
import org.xeenet.economics.boundary.AccountViews.ClawbackDone;
import org.xeenet.economics.boundary.Economics;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.trust.control.Reputation;

/**
 * Trust administration: a worker's reputation and trust events, and the clawback of a credited
 * result found false ({@code POST /trust/leases/{lease_id}/clawback}). Administrators only.
 */
@Path("trust")
@ResearcherCaller
public class TrustResource {
  @EJB Trust trust;

  @EJB Economics economics;

  @EJB Accounts accounts;

  /** Body of a clawback. */
  public record ClawbackRequest(@JsonbProperty("reason") String reason) {}

  /** One trust event. */
  public record EventView(
      @JsonbProperty("kind") String kind,
      @JsonbProperty("lease_id") String leaseId,
      @JsonbProperty("task_id") String taskId,
      @JsonbProperty("weight") double weight,
      @JsonbProperty("detail") String detail,
      @JsonbProperty("at") Instant at) {}

  /** A worker's standing. */
  public record WorkerTrust(
      @JsonbProperty("worker_id") String workerId,
      @JsonbProperty("reputation") double reputation,
      @JsonbProperty("good") double good,
      @JsonbProperty("bad") double bad,
      @JsonbProperty("quarantined") boolean quarantined,
      @JsonbProperty("events") List<EventView> events) {}

  @GET
  @Path("workers/{worker_id}")
  @Produces(MediaType.APPLICATION_JSON)
  public WorkerTrust worker(
      @PathParam("worker_id") String workerId, @Context SecurityContext security) {
    requireAdmin(Caller.of(security));
    Reputation r = trust.reputation(workerId);
    return new WorkerTrust(
        workerId,
        r.score(),
        r.good(),
        r.bad(),
        r.quarantined(),
        trust.events(workerId, 100).stream()
            .map(
                e ->
                    new EventView(
                        e.kind(), e.leaseId(), e.taskId(), e.weight(), e.detail(), e.createdAt()))
            .toList());
  }

  @POST
  @Path("leases/{lease_id}/clawback")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public ClawbackDone clawback(
      @PathParam("lease_id") String leaseId,
      ClawbackRequest body,
      @Context SecurityContext security) {
    requireAdmin(Caller.of(security));
    return economics.clawback(leaseId, body == null ? null : body.reason());
  }

  private void requireAdmin(Caller caller) {
    if (!accounts.find(caller.id()).map(Researcher::admin).orElse(false)) {
      throw new ForbiddenException("only an administrator may do this");
    }
  }
}
