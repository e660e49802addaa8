package org.xeenet.problem;

import jakarta.ejb.ApplicationException;

/** An authenticated caller acting on something that is not theirs (403). */
@ApplicationException(rollback = true)
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String detail) {
    super(detail);
  }
}
