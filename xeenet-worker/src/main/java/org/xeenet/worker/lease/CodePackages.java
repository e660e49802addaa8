package org.xeenet.worker.lease;

import java.util.List;

/**
 * The code this worker runs: only the trainer built into the jar. A task naming any other code
 * package (or none) is refused with a failed result; nothing the server sends is ever executed.
 */
public final class CodePackages {
  public static final String CHAR_LM_1 = "builtin:char-lm/1";
  public static final List<String> ALLOWED = List.of(CHAR_LM_1);

  private CodePackages() {}

  public static boolean allowed(String ref) {
    return ref != null && ALLOWED.contains(ref.trim());
  }
}
