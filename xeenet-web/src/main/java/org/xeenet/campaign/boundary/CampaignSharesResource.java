package org.xeenet.campaign.boundary;

import jakarta.ejb.EJB;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.xeenet.access.boundary.ResearcherCaller;
import org.xeenet.access.control.Caller;
import org.xeenet.problem.RejectedInputException;

/**
 * Sharing a campaign with other researchers by user name: {@code GET}, {@code POST {"username"}},
 * {@code DELETE /{username}} under {@code /campaigns/{id}/shares}. Only the owner (or an
 * administrator) changes shares; anyone who may not see the campaign gets 404.
 */
@Path("campaigns/{id}/shares")
@ResearcherCaller
public class CampaignSharesResource {
  @EJB CampaignSharing sharing;

  /** Body of {@code POST /campaigns/{id}/shares}. */
  public record ShareRequest(@JsonbProperty("username") String username) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<CampaignSharing.Share> list(
      @PathParam("id") String id, @Context SecurityContext security) {
    return sharing.shares(id, Caller.of(security).id());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public List<CampaignSharing.Share> share(
      @PathParam("id") String id, ShareRequest body, @Context SecurityContext security) {
    if (body == null) {
      throw new RejectedInputException("username", "is required");
    }
    return sharing.share(id, Caller.of(security).id(), body.username());
  }

  @DELETE
  @Path("{username}")
  @Produces(MediaType.APPLICATION_JSON)
  public List<CampaignSharing.Share> unshare(
      @PathParam("id") String id,
      @PathParam("username") String username,
      @Context SecurityContext security) {
    return sharing.unshare(id, Caller.of(security).id(), username);
  }
}
