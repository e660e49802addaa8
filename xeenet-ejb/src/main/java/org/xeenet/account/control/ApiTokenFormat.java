package org.xeenet.account.control;

/**
 * The format of the API tokens researchers create in the portal: {@code xnt_} and 43 URL-safe
 * characters (256 random bits). The prefix tells them apart from worker tokens (plain 43
 * characters) and from a bootstrap token an operator chose; the portal shows the first {@value
 * #SHOWN} characters to tell tokens apart.
 */
public final class ApiTokenFormat {
  public static final String PREFIX = "xnt_";
  static final int SHOWN = 10;
  private static final int RANDOM_CHARS = 43;

  private ApiTokenFormat() {}

  /** A new API token. */
  public static String generate() {
    return PREFIX + BearerToken.generate();
  }

  /** Whether {@code token} has the form of a generated API token. */
  public static boolean isApiToken(String token) {
    if (token == null
        || token.length() != PREFIX.length() + RANDOM_CHARS
        || !token.startsWith(PREFIX)) {
      return false;
    }
    for (int i = PREFIX.length(); i < token.length(); i++) {
      char c = token.charAt(i);
      boolean urlSafe =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!urlSafe) {
        return false;
      }
    }
    return true;
  }

  /** What the portal shows of a token: its first characters, enough to recognise it. */
  public static String shownPrefix(String token) {
    return token.length() <= SHOWN ? "" : token.substring(0, SHOWN);
  }
}
