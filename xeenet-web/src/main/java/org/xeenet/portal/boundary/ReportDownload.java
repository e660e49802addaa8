package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.report.boundary.CampaignReports;

/**
 * The portal's report download ({@code /portal/report?id=…&format=md|csv|json}) for the signed-in
 * researcher: the browser has the portal session, not the bearer token the REST route needs.
 */
@WebServlet(name = "PortalReportDownload", urlPatterns = "/portal/report")
public class ReportDownload extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Jsonb JSONB = JsonbBuilder.create();

  @EJB CampaignReports reports;

  @Inject PortalSession session;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!session.isLoggedIn()) {
      response.sendRedirect(request.getContextPath() + "/login.xhtml");
      return;
    }
    try {
      CampaignReports.Rendered report =
          reports.render(
              request.getParameter("id"),
              session.requireResearcher(),
              request.getParameter("format"));
      String body = report.body() instanceof String s ? s : JSONB.toJson(report.body());
      // Markdown is shown in the browser as plain text; CSV and JSON are downloaded
      boolean markdown = report.mediaType().startsWith("text/markdown");
      response.setContentType(markdown ? "text/plain" : report.mediaType());
      response.setCharacterEncoding("UTF-8");
      response.setHeader(
          "Content-Disposition",
          (markdown ? "inline" : "attachment") + "; filename=\"" + report.fileName() + "\"");
      response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
    } catch (RejectedInputException e) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
    }
  }
}
