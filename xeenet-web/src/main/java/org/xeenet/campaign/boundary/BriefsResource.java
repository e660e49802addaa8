package org.xeenet.campaign.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.xeenet.access.boundary.ResearcherCaller;
import org.xeenet.access.control.Caller;
import org.xeenet.api.BriefEstimate;
import org.xeenet.api.BriefSpec;
import org.xeenet.api.CampaignView;
import org.xeenet.portal.boundary.BriefEstimator;

/** Research briefs: each one becomes a campaign. */
@Path("briefs")
@ResearcherCaller
public class BriefsResource {
  @EJB CampaignOrchestrator orchestrator;

  @EJB BriefEstimator estimator;

  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response submit(BriefSpec brief, @Context SecurityContext security) {
    CampaignView campaign = orchestrator.submit(brief, Caller.of(security).id());
    return Response.created(
            uri.getBaseUriBuilder().path("campaigns").path(campaign.campaignId()).build())
        .entity(campaign)
        .build();
  }

  /**
   * What the brief would cost and take, without launching it: 200 with a {@link BriefEstimate}, 400
   * with the field errors the launch would give.
   */
  @POST
  @Path("estimate")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public BriefEstimate estimate(BriefSpec brief, @Context SecurityContext security) {
    return estimator.estimate(brief, Caller.of(security).id());
  }
}
