package org.xeenet.economics.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.xeenet.economics.boundary.AccountViews.Leaderboard;

/** {@code GET /leaderboard?limit=}: the top workers by credits and by validated tasks. */
@Path("leaderboard")
@AnyCaller
public class LeaderboardResource {
  @EJB Economics economics;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Leaderboard leaderboard(@QueryParam("limit") @DefaultValue("20") int limit) {
    return economics.leaderboard(limit);
  }
}
