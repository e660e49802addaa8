package org.xeenet.problem.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.xeenet.problem.RejectedInputException;

/** 400 naming each bad field. */
@Provider
public class RejectedInputMapper implements ExceptionMapper<RejectedInputException> {
  @Override
  public Response toResponse(RejectedInputException e) {
    return ProblemResponses.of(400, e.getMessage(), e.errors());
  }
}
