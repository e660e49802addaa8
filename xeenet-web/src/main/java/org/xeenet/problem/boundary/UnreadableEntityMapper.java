package org.xeenet.problem.boundary;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body the JSON-B provider could not read (not JSON, or the wrong types): 400. */
@Provider
public class UnreadableEntityMapper implements ExceptionMapper<ProcessingException> {
  @Override
  public Response toResponse(ProcessingException e) {
    return ProblemResponses.of(
        400, "the request body is not a readable JSON document of the expected shape");
  }
}
