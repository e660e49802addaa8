package org.xeenet.report.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.xeenet.access.boundary.ResearcherCaller;
import org.xeenet.access.control.Caller;

/**
 * A campaign's report for its owner or the administrator: {@code ?format=md} (default, {@code
 * text/markdown}), {@code csv} ({@code text/csv}, one row per task) or {@code json}; 400 for
 * another format.
 */
@Path("campaigns/{id}/report")
@ResearcherCaller
public class CampaignReportResource {
  @EJB CampaignReports reports;

  @GET
  @Produces({"text/markdown", "text/csv", "application/json", "text/plain", "*/*"})
  public Response report(
      @PathParam("id") String id,
      @QueryParam("format") String format,
      @Context SecurityContext security) {
    CampaignReports.Rendered report = reports.render(id, Caller.of(security).id(), format);
    return Response.ok(report.body(), report.mediaType())
        .header("Content-Disposition", "inline; filename=\"" + report.fileName() + "\"")
        .build();
  }
}
