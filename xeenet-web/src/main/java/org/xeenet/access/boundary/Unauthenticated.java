package org.xeenet.access.boundary;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.xeenet.api.Problem;

/** The 401 and 403 answers of the authentication filters. */
public final class Unauthenticated {
  private Unauthenticated() {}

  /** 401 with a {@code WWW-Authenticate: Bearer} challenge. */
  public static Response response(String detail) {
    return Response.status(Response.Status.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"xeenet\"")
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem("about:blank", "Unauthorized", 401, detail, null))
        .build();
  }

  /** 403: known caller, wrong kind for this route. */
  static Response forbidden(String detail) {
    return Response.status(Response.Status.FORBIDDEN)
        .type(Problem.MEDIA_TYPE)
        .entity(new Problem("about:blank", "Forbidden", 403, detail, null))
        .build();
  }
}
