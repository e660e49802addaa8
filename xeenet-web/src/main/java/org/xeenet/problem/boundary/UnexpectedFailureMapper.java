package org.xeenet.problem.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.xeenet.problem.TransientFailure;

/**
 * Anything no other mapper claims. A transient database conflict that outlived the retries is a 503
 * with {@code Retry-After}; anything else is logged with an incident id and answered 500 without
 * internals.
 */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<RuntimeException> {
  private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

  @Override
  public Response toResponse(RuntimeException e) {
    if (TransientFailure.isTransient(e)) {
      LOG.log(Level.WARNING, "transient database conflict, answered 503: {0}", e.toString());
      return Response.fromResponse(
              ProblemResponses.of(503, "the server is busy; retry the same request"))
          .header("Retry-After", "1")
          .build();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "incident " + incident, e);
    return ProblemResponses.of(500, "internal error; incident " + incident);
  }
}
