package org.xeenet.task.boundary;

import jakarta.ejb.EJB;
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
import org.xeenet.api.Heartbeat;
import org.xeenet.api.HeartbeatAck;
import org.xeenet.api.ResultAck;
import org.xeenet.api.TaskResult;
import org.xeenet.problem.TransientFailure;
import org.xeenet.trust.boundary.Checks;

/** A worker's leases (of tasks, and of the trust agent's checks): heartbeats and the result. */
@Path("leases/{leaseId}")
@Produces(MediaType.APPLICATION_JSON)
@WorkerCaller
public class LeasesResource {
  @EJB TaskQueue queue;

  @EJB Checks checks;

  @EJB Dispatcher dispatcher;

  @POST
  @Path("heartbeat")
  @Consumes(MediaType.APPLICATION_JSON)
  public HeartbeatAck heartbeat(
      @PathParam("leaseId") String leaseId, Heartbeat progress, @Context SecurityContext security) {
    String workerId = Caller.of(security).id();
    if (Checks.isCheckLease(leaseId)) {
      return TransientFailure.retry(() -> checks.heartbeat(leaseId, workerId));
    }
    return TransientFailure.retry(() -> queue.heartbeat(leaseId, workerId, progress));
  }

  @POST
  @Path("result")
  @Consumes(MediaType.APPLICATION_JSON)
  public ResultAck result(
      @PathParam("leaseId") String leaseId, TaskResult result, @Context SecurityContext security) {
    String workerId = Caller.of(security).id();
    if (Checks.isCheckLease(leaseId)) {
      return TransientFailure.retry(() -> checks.submit(leaseId, workerId, result));
    }
    return TransientFailure.retry(() -> dispatcher.submit(leaseId, workerId, result));
  }
}
