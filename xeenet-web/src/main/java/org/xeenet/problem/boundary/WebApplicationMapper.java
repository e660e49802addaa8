package org.xeenet.problem.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own refusals (unknown route, wrong method, unreadable body, unsupported
 * media type) as problem documents with their status.
 */
@Provider
public class WebApplicationMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    String detail =
        status == 400
            ? "the request body is not a readable JSON document of the expected shape"
            : e.getMessage();
    Response problem = ProblemResponses.of(status, detail);
    if (original.getHeaderString("Allow") != null) {
      return Response.fromResponse(problem)
          .header("Allow", original.getHeaderString("Allow"))
          .build();
    }
    return problem;
  }
}
