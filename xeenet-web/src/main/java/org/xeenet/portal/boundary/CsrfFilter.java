package org.xeenet.portal.boundary;

import jakarta.faces.application.ResourceHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;
import org.xeenet.portal.control.CsrfTokens;

/**
 * CSRF protection of every portal form, stateless views included (where Faces' view state is no
 * secret): gives the browser a random token in an {@code XN-CSRF} cookie ({@code SameSite=Strict},
 * {@code HttpOnly}), which {@link CsrfRenderKitFactory} writes into each form; a POST must bring
 * the same token back and must not come from another origin, else it is refused with 403 before
 * Faces sees it.
 */
@WebFilter(filterName = "PortalCsrfFilter", urlPatterns = "*.xhtml")
public class CsrfFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(CsrfFilter.class.getName());
  static final String ATTRIBUTE = CsrfFilter.class.getName() + ".token";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request.getServletPath().startsWith(ResourceHandler.RESOURCE_IDENTIFIER + "/")) {
      chain.doFilter(request, response);
      return;
    }
    String cookie = cookie(request);
    if ("POST".equalsIgnoreCase(request.getMethod())) {
      if (request.getCharacterEncoding() == null) {
        request.setCharacterEncoding("UTF-8"); // the pages are UTF-8: read the form as Faces would
      }
      boolean sameOrigin =
          CsrfTokens.sameOrigin(request.getHeader("Origin"), request.getHeader("Host"));
      if (!sameOrigin || !CsrfTokens.matches(cookie, request.getParameter(CsrfTokens.FIELD))) {
        LOG.warning(
            () ->
                "refused a portal POST to "
                    + request.getServletPath()
                    + (sameOrigin ? ": missing or wrong CSRF token" : ": from another origin"));
        response.sendError(
            HttpServletResponse.SC_FORBIDDEN,
            "This form was not sent from this site's own page. Reload the page and try again.");
        return;
      }
    }
    String token = CsrfTokens.wellFormed(cookie) ? cookie : issue(request, response);
    request.setAttribute(ATTRIBUTE, token);
    chain.doFilter(request, response);
  }

  private static String issue(HttpServletRequest request, HttpServletResponse response) {
    String token = CsrfTokens.generate();
    Cookie cookie = new Cookie(CsrfTokens.COOKIE, token);
    cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setAttribute("SameSite", "Strict");
    response.addCookie(cookie);
    return token;
  }

  private static String cookie(HttpServletRequest request) {
    if (request.getCookies() == null) {
      return null;
    }
    for (Cookie c : request.getCookies()) {
      if (CsrfTokens.COOKIE.equals(c.getName())) {
        return c.getValue();
      }
    }
    return null;
  }
}
