package org.xeenet.account.control;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Sign-in names: 3 to 32 characters of {@code a-z 0-9 . _ -}, starting with a letter or digit. */
public final class Usernames {
  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

  private Usernames() {}

  /** The name as stored: trimmed and lower-cased. Null stays null. */
  public static String normalise(String username) {
    return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
  }

  /** Why a (normalised) name cannot be used, or empty when it can. */
  public static Optional<String> problem(String username) {
    if (username == null || username.isEmpty()) {
      return Optional.of("must not be blank");
    }
    if (!VALID.matcher(username).matches()) {
      return Optional.of(
          "must be 3 to 32 characters: letters, digits, '.', '_' or '-', starting with a letter"
              + " or digit");
    }
    return Optional.empty();
  }
}
