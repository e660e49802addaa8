package org.xeenet.problem;

import jakarta.ejb.ApplicationException;

/** A request that contradicts what was already accepted (409). */
@ApplicationException(rollback = true)
public class ConflictException extends RuntimeException {
  public ConflictException(String detail) {
    super(detail);
  }
}
