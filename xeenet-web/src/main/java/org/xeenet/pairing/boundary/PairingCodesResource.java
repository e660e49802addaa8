package org.xeenet.pairing.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.xeenet.access.boundary.AccountCaller;
import org.xeenet.access.control.Caller;

/**
 * {@code POST /pairing-codes}: a volunteer asks for a one-time code to pair a worker (the portal's
 * pairing page does the same); 403 for other accounts.
 */
@Path("pairing-codes")
@AccountCaller
public class PairingCodesResource {
  @EJB Pairing pairing;

  @POST
  @Produces(MediaType.APPLICATION_JSON)
  public Response issue(@Context SecurityContext security) {
    return Response.status(Response.Status.CREATED)
        .entity(pairing.issue(Caller.of(security).id()))
        .build();
  }
}
