package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** An RFC 9457 problem document; {@code errors} names each bad field of a rejected input. */
public record Problem(
    @JsonbProperty("type") String type,
    @JsonbProperty("title") String title,
    @JsonbProperty("status") int status,
    @JsonbProperty("detail") String detail,
    @JsonbProperty("errors") List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One bad field of an input and what is wrong with it. */
  public record FieldError(
      @JsonbProperty("field") String field, @JsonbProperty("message") String message) {}
}
