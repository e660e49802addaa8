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

/** Researcher accounts, opened by an administrator (no password sign-up needed). */
@Path("researchers")
@ResearcherCaller
public class ResearchersResource {
  @EJB Accounts accounts;

  @Context UriInfo uri;

  /**
   * Body of {@code POST /researchers}; with {@code username} and {@code password} the account can
   * also sign in to the portal.
   */
  public record NewResearcher(
      @JsonbProperty("name") String name,
      @JsonbProperty("username") String username,
      @JsonbProperty("password") String password) {}

  /** Answer: the account and its bearer token, shown only this once. */
  public record ResearcherCredentials(
      @JsonbProperty("researcher_id") String researcherId,
      @JsonbProperty("name") String name,
      @JsonbProperty("token") String token) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response open(NewResearcher body, @Context SecurityContext security) {
    if (body == null) {
      throw new RejectedInputException("body", "a document with a name is required");
    }
    Accounts.NewAccount account =
        accounts.createResearcher(
            Caller.of(security).id(), body.name(), body.username(), body.password());
    return Response.created(uri.getAbsolutePathBuilder().path(account.id()).build())
        .entity(new ResearcherCredentials(account.id(), account.name(), account.token()))
        .build();
  }
}
