package org.xeenet.account.boundary;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.xeenet.access.boundary.AccountCaller;
import org.xeenet.access.control.Caller;
import org.xeenet.problem.RejectedInputException;

/**
 * The caller's own API tokens: {@code GET /tokens} lists them (never the tokens themselves), {@code
 * POST /tokens {"label"}} creates one (shown only in this answer), {@code DELETE /tokens/{id}}
 * revokes one. The portal's token page does the same for a signed-in account.
 */
@Path("tokens")
@AccountCaller
public class TokensResource {
  @EJB Accounts accounts;

  @Context UriInfo uri;

  /** Body of {@code POST /tokens}. */
  public record NewTokenRequest(@JsonbProperty("label") String label) {}

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public List<Accounts.TokenView> list(@Context SecurityContext security) {
    return accounts.tokens(Caller.of(security).id());
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response create(NewTokenRequest body, @Context SecurityContext security) {
    if (body == null) {
      throw new RejectedInputException("body", "a document with a label is required");
    }
    Accounts.NewToken token = accounts.createToken(Caller.of(security).id(), body.label());
    return Response.created(uri.getAbsolutePathBuilder().path(token.id()).build())
        .entity(token)
        .build();
  }

  @DELETE
  @Path("{id}")
  @Produces(MediaType.APPLICATION_JSON)
  public Accounts.TokenView revoke(@PathParam("id") String id, @Context SecurityContext security) {
    return accounts.revokeToken(Caller.of(security).id(), id);
  }
}
