package org.xeenet.problem.boundary;

import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unforeseen: logged with an id, answered 500 without internals. */
@Provider
public class UnexpectedFailureMapper implements ExceptionMapper<EJBException> {
  private static final Logger LOG = Logger.getLogger(UnexpectedFailureMapper.class.getName());

  @Override
  public Response toResponse(EJBException e) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "incident " + incident, e);
    return ProblemResponses.of(500, "internal error; incident " + incident);
  }
}
