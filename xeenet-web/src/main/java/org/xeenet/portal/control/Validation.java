package org.xeenet.portal.control;

import java.util.List;
import java.util.Locale;

/**
 * A task's validation outcome in one sentence, from its status, whether its result was simulated,
 * the trust checks recorded for it ({@code VALID}, {@code INVALID}, {@code IMPLAUSIBLE}, {@code
 * CLAWBACK}) and the reasons its attempts failed.
 */
public final class Validation {
  private Validation() {}

  public static String outcome(
      String status, boolean simulated, List<String> checks, String failureReasons) {
    String reasons =
        failureReasons == null || failureReasons.isBlank() ? "" : " Reasons: " + failureReasons;
    String s = status == null ? "" : status.toUpperCase(Locale.ROOT);
    return switch (s) {
      case "VALID" -> {
        if (simulated) {
          yield "Valid but simulated: never credited, never ranked.";
        }
        if (checks.contains("CLAWBACK")) {
          yield "Credited, then clawed back: the result was found false later.";
        }
        if (checks.contains("IMPLAUSIBLE")) {
          yield "Accepted, but the trust checks found it implausible: not credited.";
        }
        yield "Valid: it passed the server's checks and was credited to its worker.";
      }
      case "INVALID" -> "Invalid: the worker's result was rejected." + reasons;
      case "FAILED" -> "Failed: every allowed attempt was lost or failed." + reasons;
      case "CANCELLED" -> "Cancelled with its campaign before it finished.";
      case "SUBMITTED" -> "A result arrived and is being checked.";
      case "LEASED" -> "Running on a worker now.";
      case "QUEUED" -> "Waiting for a worker." + reasons;
      default -> s;
    };
  }
}
