package org.xeenet.portal.boundary;

import jakarta.faces.application.ResourceHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.xeenet.access.boundary.Callers;
import org.xeenet.access.control.Caller;

/**
 * Lets only signed-in accounts see the portal's pages: any other request for a page is sent to the
 * sign-in page (Faces resources and the sign-in, sign-up and expiry pages excepted); a volunteer
 * asking for a researcher's page is sent to their own home. An Ajax request (a poll after the
 * session ended) is answered with a Faces partial-response redirect, which the page follows,
 * instead of an HTTP redirect it could not use.
 */
@WebFilter(filterName = "PortalLoginFilter", urlPatterns = "*.xhtml")
public class LoginFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final String LOGIN_PAGE = PortalPages.LOGIN;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getServletPath();
    if (path.startsWith(ResourceHandler.RESOURCE_IDENTIFIER + "/")) {
      chain.doFilter(request, response);
      return;
    }
    // pages show live data: never from a cache, never after sign-out with the back button
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    if (PortalPages.PUBLIC.contains(path)) {
      chain.doFilter(request, response);
      return;
    }
    Caller caller = Callers.of(request);
    if (caller != null
        && caller.role() == Caller.Role.VOLUNTEER
        && PortalPages.researcherOnly(path)) {
      redirect(request, response, request.getContextPath() + PortalPages.VOLUNTEER_HOME);
      return;
    }
    if (caller != null && caller.role() != Caller.Role.WORKER) {
      chain.doFilter(request, response);
      return;
    }
    redirect(request, response, request.getContextPath() + LOGIN_PAGE);
  }

  private static void redirect(
      HttpServletRequest request, HttpServletResponse response, String login) throws IOException {
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
          .append("<partial-response><redirect url=\"")
          .append(login)
          .append("\"></redirect></partial-response>");
      return;
    }
    response.sendRedirect(login);
  }
}
