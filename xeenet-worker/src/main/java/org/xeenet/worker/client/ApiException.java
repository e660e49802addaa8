package org.xeenet.worker.client;

/** The server answered with an unexpected HTTP status (the body's problem detail is kept). */
public final class ApiException extends RuntimeException {
  private final int status;

  public ApiException(int status, String message) {
    super("HTTP " + status + ": " + message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public boolean unauthorized() {
    return status == 401;
  }

  public boolean gone() {
    return status == 410;
  }

  public boolean conflict() {
    return status == 409;
  }

  /** 5xx (and 429): worth trying again. */
  public boolean retryable() {
    return status >= 500 || status == 429;
  }
}
