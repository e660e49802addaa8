package org.xeenet.economics.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.xeenet.access.control.Caller;

/**
 * {@code GET /me}: the caller's credits. A researcher sees balance, escrow held and spent; a worker
 * its balance, credits earned, validated tasks and reputation.
 */
@Path("me")
@AnyCaller
public class MeResource {
  @EJB Economics economics;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Object me(@Context SecurityContext security) {
    Caller caller = Caller.of(security);
    return caller.role() == Caller.Role.RESEARCHER
        ? economics.researcher(caller.id())
        : economics.worker(caller.id());
  }
}
