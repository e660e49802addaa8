package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.xeenet.problem.ForbiddenException;
import org.xeenet.problem.NotFoundException;

/**
 * The campaign page's chart data ({@code /portal/chart-data?id=…}) for the signed-in researcher:
 * fetched by {@code portal/charts.js} after the page loaded, and again while the campaign runs, so
 * the page itself stays small whatever the number of tasks.
 */
@WebServlet(name = "PortalChartData", urlPatterns = "/portal/chart-data")
public class ChartDataServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @EJB PortalQueries queries;

  @Inject PortalSession session;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getSession(false) == null || !session.isLoggedIn()) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    String id = request.getParameter("id");
    if (id == null || id.isBlank()) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "id is missing");
      return;
    }
    try {
      String json = queries.chartJson(id, session.requireResearcher());
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
    } catch (ForbiddenException e) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN); // a volunteer: no campaigns
    }
  }
}
