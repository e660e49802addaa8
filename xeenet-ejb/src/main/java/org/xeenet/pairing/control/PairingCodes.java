package org.xeenet.pairing.control;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One-time pairing codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown
 * as {@code ABCD-EFGH}; about 39 bits, valid for {@link #VALIDITY} and for one worker only. Typed
 * codes are read case-insensitively, with or without the dash and spaces.
 */
public final class PairingCodes {
  public static final Duration VALIDITY = Duration.ofMinutes(10);
  static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  static final int LENGTH = 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PairingCodes() {}

  /** A new code, without the dash. */
  public static String generate() {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The code as shown: {@code ABCD-EFGH}. */
  public static String display(String code) {
    return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
  }

  /** A typed code in canonical form, or null when it cannot be a code. */
  public static String normalise(String typed) {
    if (typed == null) {
      return null;
    }
    String code = typed.replace("-", "").replace(" ", "").strip().toUpperCase(Locale.ROOT);
    if (code.length() != LENGTH) {
      return null;
    }
    for (int i = 0; i < code.length(); i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return null;
      }
    }
    return code;
  }

  /** Whether a code issued with this expiry and use may still pair a worker at {@code now}. */
  public static boolean usable(Instant expiresAt, Instant usedAt, Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }

  /** When a code issued at {@code now} expires. */
  public static Instant expiry(Instant now) {
    return now.plus(VALIDITY);
  }
}
