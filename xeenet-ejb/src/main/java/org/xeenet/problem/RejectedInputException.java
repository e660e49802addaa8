package org.xeenet.problem;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.xeenet.api.Problem.FieldError;

/** Input that breaks the contract; names each bad field (400). */
@ApplicationException(rollback = true)
public class RejectedInputException extends RuntimeException {
  private final List<FieldError> errors;

  public RejectedInputException(String detail, List<FieldError> errors) {
    super(detail);
    this.errors = List.copyOf(errors);
  }

  public RejectedInputException(String field, String message) {
    this(field + ": " + message, List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
