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
import java.util.Map;
import org.xeenet.access.boundary.ResearcherCaller;
import org.xeenet.access.control.Caller;
import org.xeenet.account.boundary.Accounts;
import org.xeenet.account.entity.Researcher;
import org.xeenet.economics.boundary.AccountViews.ClawbackDone;
import org.xeenet.economics.boundary.Economics;
import org.xeenet.economics.boundary.Ledger;
import org.xeenet.economics.control.Credits;
import org.xeenet.economics.control.Transfer;
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

  @EJB Checks checks;

  @EJB Ledger ledger;

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
    String reason = body == null ? null : body.reason();
    ClawbackDone done = economics.clawback(leaseId, reason);
    // the clawed-back result is no longer the task's: back to the queue (or INVALID)
    checks.invalidate(leaseId, reason == null || reason.isBlank() ? "clawed back" : reason);
    return done;
  }

  /** The trust agent's checks: counts by kind and status, and the steps replicated. */
  @GET
  @Path("checks")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> checks(@Context SecurityContext security) {
    requireAdmin(Caller.of(security));
    return checks.summary();
  }

  /** What one result earned and gave back, and what the trust agent recorded about it. */
  public record LeaseStanding(
      @JsonbProperty("lease_id") String leaseId,
      @JsonbProperty("credited") double credited,
      @JsonbProperty("clawed_back") double clawedBack,
      @JsonbProperty("events") List<String> events) {}

  /** A result's credits and trust events (administrators). */
  @GET
  @Path("leases/{lease_id}")
  @Produces(MediaType.APPLICATION_JSON)
  public LeaseStanding lease(
      @PathParam("lease_id") String leaseId, @Context SecurityContext security) {
    requireAdmin(Caller.of(security));
    var charge = ledger.transfer(Transfer.CHARGE, leaseId);
    var clawback = ledger.transfer(Transfer.CLAWBACK, leaseId);
    String worker = ledger.find(Transfer.CHARGE, leaseId).map(t -> t.workerId()).orElse(null);
    String account = worker == null ? null : org.xeenet.economics.control.Accounts.worker(worker);
    return new LeaseStanding(
        leaseId,
        charge.map(t -> Credits.fromMilli(t.amountOn(account))).orElse(0.0),
        clawback.map(t -> Credits.fromMilli(-t.amountOn(account))).orElse(0.0),
        trust.eventKinds(leaseId));
  }

  /** One check of a result. */
  public record CheckView(
      @JsonbProperty("check_id") String checkId,
      @JsonbProperty("kind") String kind,
      @JsonbProperty("status") String status,
      @JsonbProperty("round") int round,
      @JsonbProperty("checker_id") String checkerId,
      @JsonbProperty("max_steps") Long maxSteps,
      @JsonbProperty("claimed_val_bpb") Double claimedValBpb,
      @JsonbProperty("measured_val_bpb") Double measuredValBpb,
      @JsonbProperty("detail") String detail) {}

  /** The checks of one result (by its lease). */
  @GET
  @Path("leases/{lease_id}/checks")
  @Produces(MediaType.APPLICATION_JSON)
  public List<CheckView> checksOf(
      @PathParam("lease_id") String leaseId, @Context SecurityContext security) {
    requireAdmin(Caller.of(security));
    return checks.of(leaseId).stream()
        .map(
            c ->
                new CheckView(
                    c.id(),
                    c.kind(),
                    c.status(),
                    c.round(),
                    c.checkerId(),
                    c.maxSteps(),
                    c.claimedValBpb(),
                    c.measuredValBpb(),
                    c.detail()))
        .toList();
  }

  private void requireAdmin(Caller caller) {
    if (!accounts.find(caller.id()).map(Researcher::admin).orElse(false)) {
      throw new ForbiddenException("only an administrator may do this");
    }
  }
}
