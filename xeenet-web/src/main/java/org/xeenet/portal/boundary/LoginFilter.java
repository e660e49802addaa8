package org.xeenet.portal.boundary;

import jakarta.faces.application.ResourceHandler;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Lets only signed-in researchers see the portal's pages: any other request for a page is sent to
 * the login page (Faces resources and the login and expiry pages themselves excepted). An Ajax
 * request (a poll after the session ended) is answered with a Faces partial-response redirect,
 * which the page follows, instead of an HTTP redirect it could not use.
 */
@WebFilter(filterName = "PortalLoginFilter", urlPatterns = "*.xhtml")
public class LoginFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final String LOGIN_PAGE = "/login.xhtml";
  static final String EXPIRED_PAGE = "/expired.xhtml";

  @Inject PortalSession session;

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
    if (path.equals(LOGIN_PAGE) || path.equals(EXPIRED_PAGE) || signedIn(request)) {
      chain.doFilter(request, response);
      return;
    }
    String login = request.getContextPath() + LOGIN_PAGE;
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

  private boolean signedIn(HttpServletRequest request) {
    // no HTTP session: nobody signed in, and none is created just to find that out
    return request.getSession(false) != null && session.isLoggedIn();
  }
}
