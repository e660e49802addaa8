package org.xeenet.account.boundary;

import jakarta.ejb.EJB;
import jakarta.json.bind.annotation.JsonbProperty;
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
import org.xeenet.problem.RejectedInputException;

/**
 * Volunteer accounts opened by an administrator, for scripts and tests ({@code POST /volunteers});
 * people sign up in the portal instead.
 */
@Path("volunteers")
@ResearcherCaller
public class VolunteersResource {
  @EJB Accounts accounts;

  @Context UriInfo uri;

  /** Answer: the account and its first API token, shown only this once. */
  public record VolunteerCredentials(
      @JsonbProperty("account_id") String accountId,
      @JsonbProperty("name") String name,
      @JsonbProperty("token") String token) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response open(ResearchersResource.NewResearcher body, @Context SecurityContext security) {
    if (body == null) {
      throw new RejectedInputException("body", "a document with a name is required");
    }
    Accounts.NewAccount account =
        accounts.createVolunteer(
            Caller.of(security).id(), body.name(), body.username(), body.password());
    return Response.created(uri.getAbsolutePathBuilder().path(account.id()).build())
        .entity(new VolunteerCredentials(account.id(), account.name(), account.token()))
        .build();
  }
}
