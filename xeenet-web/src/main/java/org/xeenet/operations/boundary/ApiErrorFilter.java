package org.xeenet.operations.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.xeenet.api.Problem;

/**
 * Errors the servlet container itself answers under {@code /api/} ({@code sendError}: e.g. a path
 * that normalises outside the JAX-RS application, like {@code /api/v1/x/..%2F..%2Fy}) become
 * problem documents too instead of the container's HTML page.
 */
@WebFilter(urlPatterns = "/api/*")
public class ApiErrorFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, new ProblemOnError(response));
  }

  private static final class ProblemOnError extends HttpServletResponseWrapper {
    ProblemOnError(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status) throws IOException {
      sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      if (isCommitted()) {
        super.sendError(status, message);
        return;
      }
      resetBuffer();
      setStatus(status);
      setContentType(Problem.MEDIA_TYPE);
      setCharacterEncoding("UTF-8");
      String title = status == 404 ? "Not Found" : status == 405 ? "Method Not Allowed" : "Error";
      String detail = status == 404 ? "no such route" : "the request was refused";
      getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\""
                  + title
                  + "\",\"status\":"
                  + status
                  + ",\"detail\":\""
                  + detail
                  + "\"}");
      flushBuffer();
    }
  }
}
