package org.xeenet.pairing.boundary;

import jakarta.ejb.EJB;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.xeenet.access.boundary.WorkerCaller;
import org.xeenet.access.control.Caller;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.problem.RejectedInputException;

/**
 * {@code POST /workers/{id}/pair {"code"}}: a worker, with its own bearer token, redeems the
 * one-time code its volunteer's portal showed. 404 for an unknown code, 410 for a used or expired
 * one, 400 for something that cannot be a code.
 */
@Path("workers/{workerId}/pair")
@WorkerCaller
public class WorkerPairingResource {
  @EJB Pairing pairing;

  /** Body of the pairing request. */
  public record PairRequest(@JsonbProperty("code") String code) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Pairing.Paired pair(
      @PathParam("workerId") String workerId, PairRequest body, @Context SecurityContext security) {
    if (!Caller.of(security).id().equals(workerId)) {
      throw new ForbiddenException("a worker pairs only itself");
    }
    if (body == null) {
      throw new RejectedInputException("code", "is required");
    }
    return pairing.redeem(workerId, body.code());
  }
}
