package org.xeenet.account.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be (NIST SP 800-63B style: length over composition rules): 10 to 128
 * characters, not the user name, not one repeated character, not a well-known password.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;
  private static final Set<String> WELL_KNOWN =
      Set.of(
          "1234567890",
          "12345678910",
          "123456789012",
          "0123456789",
          "password12",
          "password123",
          "password1234",
          "passwordpassword",
          "qwertyuiop",
          "qwerty12345",
          "qwerty123456",
          "1q2w3e4r5t",
          "iloveyou12",
          "letmein123",
          "welcome123",
          "abcdefghij",
          "abc1234567",
          "xeenetxeenet",
          "changeme123",
          "administrator");

  private PasswordPolicy() {}

  /** Why {@code password} cannot be used by {@code username}, or empty when it can. */
  public static Optional<String> problem(String username, String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of("must not be blank");
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of("must be at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("must be at most " + MAX_LENGTH + " characters");
    }
    if (password.codePoints().distinct().count() == 1) {
      return Optional.of("must not be one character repeated");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("must not contain the user name");
    }
    if (WELL_KNOWN.contains(lower)) {
      return Optional.of("is a well-known password: choose another");
    }
    return Optional.empty();
  }
}
