package org.xeenet.problem.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.xeenet.problem.GoneException;

/** 410 problem. */
@Provider
public class GoneMapper implements ExceptionMapper<GoneException> {
  @Override
  public Response toResponse(GoneException e) {
    return ProblemResponses.of(410, e.getMessage());
  }
}
