package org.xeenet.access.boundary;

import jakarta.security.enterprise.credential.Credential;

/** A bearer token from an {@code Authorization} header or the portal's token sign-in. */
public record BearerTokenCredential(String token) implements Credential {
  @Override
  public String toString() {
    return "BearerTokenCredential[…]"; // never the token in logs
  }
}
