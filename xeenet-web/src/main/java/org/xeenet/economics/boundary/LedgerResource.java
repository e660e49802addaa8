package org.xeenet.economics.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.xeenet.access.boundary.ResearcherCaller;
import org.xeenet.access.control.Caller;
import org.xeenet.account.boundary.Accounts;
import org.xeenet.account.entity.Researcher;
import org.xeenet.economics.boundary.AccountViews.LedgerCheck;
import org.xeenet.problem.ForbiddenException;

/** {@code GET /ledger/verify}: the whole-ledger check, for administrators. */
@Path("ledger")
@ResearcherCaller
public class LedgerResource {
  @EJB Economics economics;

  @EJB Accounts accounts;

  @GET
  @Path("verify")
  @Produces(MediaType.APPLICATION_JSON)
  public LedgerCheck verify(@Context SecurityContext security) {
    requireAdmin(accounts, Caller.of(security));
    return economics.verify();
  }

  static void requireAdmin(Accounts accounts, Caller caller) {
    if (!accounts.find(caller.id()).map(Researcher::admin).orElse(false)) {
      throw new ForbiddenException("only an administrator may do this");
    }
  }
}
