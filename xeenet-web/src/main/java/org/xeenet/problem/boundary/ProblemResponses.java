package org.xeenet.problem.boundary;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.xeenet.api.Problem;
import org.xeenet.api.Problem.FieldError;

/** Builds RFC 9457 problem responses. */
final class ProblemResponses {
  private ProblemResponses() {}

  static Response of(int status, String detail, List<FieldError> errors) {
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Error" : known.getReasonPhrase();
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem("about:blank", title, status, detail, errors))
        .build();
  }

  static Response of(int status, String detail) {
    return of(status, detail, null);
  }
}
