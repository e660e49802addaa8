package org.xeenet.problem;

import jakarta.ejb.ApplicationException;

/** A resource that existed and is no longer usable, such as an expired lease (410). */
@ApplicationException(rollback = true)
public class GoneException extends RuntimeException {
  public GoneException(String detail) {
    super(detail);
  }
}
