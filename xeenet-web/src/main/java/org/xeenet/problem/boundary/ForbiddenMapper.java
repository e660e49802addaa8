package org.xeenet.problem.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.xeenet.problem.ForbiddenException;

/** 403 problem. */
@Provider
public class ForbiddenMapper implements ExceptionMapper<ForbiddenException> {
  @Override
  public Response toResponse(ForbiddenException e) {
    return ProblemResponses.of(403, e.getMessage());
  }
}
