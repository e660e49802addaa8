package org.xeenet.problem.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.xeenet.problem.ConflictException;

/** 409 problem. */
@Provider
public class ConflictMapper implements ExceptionMapper<ConflictException> {
  @Override
  public Response toResponse(ConflictException e) {
    return ProblemResponses.of(409, e.getMessage());
  }
}
