package org.xeenet.portal.control;

import java.time.Duration;
import java.time.Instant;

/**
 * A worker's status as the volunteer pages show it: {@code busy} while it holds an active lease,
 * {@code online} when the server heard from it in the last five minutes (the workers-online
 * metric's window), else {@code offline}.
 */
public final class WorkerStatus {
  public static final Duration ONLINE_WINDOW = Duration.ofMinutes(5);

  private WorkerStatus() {}

  public static String of(Instant lastSeen, int activeLeases, Instant now) {
    if (activeLeases > 0) {
      return "busy";
    }
    if (lastSeen != null && !lastSeen.isBefore(now.minus(ONLINE_WINDOW))) {
      return "online";
    }
    return "offline";
  }

  /** The device in a few words: {@code 8 cores, 16 GB, RTX 3060 (12 GB)}. */
  public static String device(
      Integer cores, Double ramGb, String gpu, Double vramGb, String os, String arch) {
    StringBuilder s = new StringBuilder();
    if (cores != null) {
      s.append(cores).append(cores == 1 ? " core" : " cores");
    }
    if (ramGb != null) {
      append(s, Formats.decimals(ramGb, ramGb % 1 == 0 ? 0 : 1) + " GB");
    }
    if (gpu != null && !gpu.isBlank()) {
      append(s, gpu + (vramGb == null ? "" : " (" + Formats.decimals(vramGb, 0) + " GB)"));
    }
    if (os != null && !os.isBlank()) {
      append(s, os + (arch == null || arch.isBlank() ? "" : "/" + arch));
    }
    return s.isEmpty() ? "unknown" : s.toString();
  }

  private static void append(StringBuilder s, String part) {
    if (!s.isEmpty()) {
      s.append(", ");
    }
    s.append(part);
  }
}
