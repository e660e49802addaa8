package org.xeenet.access.boundary;

import jakarta.servlet.http.HttpServletRequest;
import org.xeenet.access.control.Caller;

/**
 * Where the authentication mechanism leaves the caller it recognised for the rest of the request
 * (JAX-RS filters, portal beans): a request attribute, so that a token is looked up once.
 */
public final class Callers {
  static final String ATTRIBUTE = Caller.class.getName();

  private Callers() {}

  static void set(HttpServletRequest request, Caller caller) {
    request.setAttribute(ATTRIBUTE, caller);
  }

  /** The request's authenticated caller, or null. */
  public static Caller of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof Caller caller ? caller : null;
  }

  /** Whether the request came with an {@code Authorization} header at all. */
  static boolean hasCredentials(HttpServletRequest request) {
    return request.getHeader("Authorization") != null;
  }
}
