package org.xeenet.results.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.xeenet.access.boundary.ResearcherCaller;
import org.xeenet.access.control.Caller;
import org.xeenet.api.CampaignResults;

/**
 * A campaign's aggregated results, for its owner: {@code GET} the stored aggregation (404 until the
 * campaign ended or a refresh ran), {@code POST …/refresh} to aggregate again now (202; the {@code
 * aggregate-results} job runs in the background).
 */
@Path("campaigns/{id}/results")
@Produces(MediaType.APPLICATION_JSON)
@ResearcherCaller
public class CampaignResultsResource {
  @EJB CampaignResultsService results;

  @GET
  public CampaignResults get(@PathParam("id") String id, @Context SecurityContext security) {
    return results.view(id, Caller.of(security).id());
  }

  @POST
  @Path("refresh")
  public Response refresh(
      @PathParam("id") String id, @Context SecurityContext security, @Context UriInfo uri) {
    results.requestRefresh(id, Caller.of(security).id());
    return Response.accepted(Map.of("campaign_id", id, "status", "aggregation started"))
        .location(uri.getBaseUriBuilder().path("campaigns").path(id).path("results").build())
        .build();
  }
}
