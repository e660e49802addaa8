package org.xeenet.problem.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not JSON, or JSON of the wrong shape: 400. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<JsonbException> {
  @Override
  public Response toResponse(JsonbException e) {
    return ProblemResponses.of(
        400, "the request body is not a readable JSON document of the expected shape");
  }
}
