package org.xeenet.problem;

import jakarta.ejb.ApplicationException;

/** A resource that does not exist (404). */
@ApplicationException(rollback = true)
public class NotFoundException extends RuntimeException {
  public NotFoundException(String detail) {
    super(detail);
  }
}
