package org.xeenet.problem.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.xeenet.problem.NotFoundException;

/** 404 problem. */
@Provider
public class NotFoundMapper implements ExceptionMapper<NotFoundException> {
  @Override
  public Response toResponse(NotFoundException e) {
    return ProblemResponses.of(404, e.getMessage());
  }
}
