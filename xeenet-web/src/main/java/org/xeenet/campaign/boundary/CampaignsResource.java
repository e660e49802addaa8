package org.xeenet.campaign.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.xeenet.access.boundary.ResearcherCaller;
import org.xeenet.access.control.Caller;
import org.xeenet.api.CampaignView;
import org.xeenet.api.TaskPage;

/** A researcher's campaigns: list, detail, task table and lifecycle. */
@Path("campaigns")
@Produces(MediaType.APPLICATION_JSON)
@ResearcherCaller
public class CampaignsResource {
  @EJB CampaignOrchestrator orchestrator;

  @GET
  public List<CampaignView> list(@Context SecurityContext security) {
    return orchestrator.list(Caller.of(security).id());
  }

  @GET
  @Path("{id}")
  public CampaignView detail(@PathParam("id") String id, @Context SecurityContext security) {
    return orchestrator.detail(id, Caller.of(security).id());
  }

  @GET
  @Path("{id}/tasks")
  public TaskPage tasks(
      @PathParam("id") String id,
      @QueryParam("status") String status,
      @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("page_size") @DefaultValue("50") int pageSize,
      @QueryParam("sort") @DefaultValue("index") String sort,
      @Context SecurityContext security) {
    return orchestrator.tasks(id, Caller.of(security).id(), status, page, pageSize, sort);
  }

  @POST
  @Path("{id}/pause")
  public CampaignView pause(@PathParam("id") String id, @Context SecurityContext security) {
    return orchestrator.pause(id, Caller.of(security).id());
  }

  @POST
  @Path("{id}/resume")
  public CampaignView resume(@PathParam("id") String id, @Context SecurityContext security) {
    return orchestrator.resume(id, Caller.of(security).id());
  }

  @POST
  @Path("{id}/cancel")
  public CampaignView cancel(@PathParam("id") String id, @Context SecurityContext security) {
    return orchestrator.cancel(id, Caller.of(security).id());
  }
}
