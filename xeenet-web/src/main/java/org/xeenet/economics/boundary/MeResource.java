package org.xeenet.economics.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.xeenet.access.control.Caller;
import org.xeenet.pairing.boundary.Pairing;

/**
 * {@code GET /me}: the caller's credits. A researcher sees balance, escrow held and spent; a worker
 * its balance, credits earned, validated tasks and reputation; a volunteer each paired worker's and
 * their sum.
 */
@Path("me")
@AnyCaller
public class MeResource {
  @EJB Economics economics;

  @EJB Pairing pairing;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Object me(@Context SecurityContext security) {
    Caller caller = Caller.of(security);
    return switch (caller.role()) {
      case RESEARCHER -> economics.researcher(caller.id());
      case VOLUNTEER -> pairing.volunteer(caller.id());
      case WORKER -> economics.worker(caller.id());
    };
  }
}
