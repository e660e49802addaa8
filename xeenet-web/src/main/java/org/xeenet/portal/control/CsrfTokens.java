package org.xeenet.portal.control;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/**
 * The portal's CSRF rules (double-submit token plus origin check): every form carries a random
 * token that must equal the browser's {@code XN-CSRF} cookie (which another site can neither read
 * nor set), and a POST whose {@code Origin} names another site is refused whatever it carries.
 */
public final class CsrfTokens {
  public static final String COOKIE = "XN-CSRF";
  public static final String FIELD = "xn_csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private CsrfTokens() {}

  /** A new token: 256 random bits, URL-safe. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a cookie's value can be one of our tokens (else a new one is issued). */
  public static boolean wellFormed(String token) {
    return token != null && token.matches("[A-Za-z0-9_-]{43}");
  }

  /** Whether the form's token matches the cookie's, in constant time. */
  public static boolean matches(String cookie, String submitted) {
    if (!wellFormed(cookie) || submitted == null) {
      return false;
    }
    return MessageDigest.isEqual(
        cookie.getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Whether an {@code Origin} header is acceptable for a request to {@code host} (the {@code Host}
   * header): absent (older browsers; the token still decides) or naming the same host and port.
   * {@code null} (the literal "null" of sandboxed or privacy-redirected requests) is refused.
   */
  public static boolean sameOrigin(String origin, String host) {
    if (origin == null || origin.isEmpty()) {
      return true;
    }
    if (host == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin.strip());
      if (uri.getHost() == null) {
        return false;
      }
      String authority =
          uri.getHost()
              + (uri.getPort() == -1 ? defaultPort(uri.getScheme()) : ":" + uri.getPort());
      String expected = host.contains(":") ? host : host + defaultPort(uri.getScheme());
      return authority.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? ":443" : ":80";
  }
}
