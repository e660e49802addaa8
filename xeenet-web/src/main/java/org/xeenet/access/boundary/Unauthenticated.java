package org.xeenet.access.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.xeenet.api.Problem;

/** The 401 answer of the authentication filters. */
final class Unauthenticated {
  private Unauthenticated() {}

  static Response response(String detail) {
    return Response.status(Response.Status.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"xeenet\"")
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem("about:blank", "Unauthorized", 401, detail, null))
        .build();
  }
}
