package org.xeenet.portal.control;

import java.util.Set;

/**
 * Which lifecycle actions a campaign's status allows, as the orchestrator enforces them: pause a
 * running one, resume a paused one, cancel any that has not ended.
 */
public final class Lifecycle {
  private static final Set<String> FINAL = Set.of("CANCELLED", "COMPLETED", "FAILED");

  private Lifecycle() {}

  public static boolean isFinished(String status) {
    return status != null && FINAL.contains(status);
  }

  public static boolean canPause(String status) {
    return "RUNNING".equals(status);
  }

  public static boolean canResume(String status) {
    return "PAUSED".equals(status);
  }

  public static boolean canCancel(String status) {
    return status != null && !isFinished(status);
  }
}
