package org.xeenet.portal.control;

import java.time.Duration;

/**
 * How long a campaign (or a brief before launch) should still take: its task runs left, in waves of
 * as many runs as workers are online (at least one), each wave one time budget long. A plain bound
 * for planning, not a promise: workers come and go, and a run may finish early.
 */
public final class Eta {
  private Eta() {}

  /** Seconds until {@code runsLeft} runs of {@code budgetSeconds} are done on {@code workers}. */
  public static long seconds(long runsLeft, int budgetSeconds, long workers) {
    if (runsLeft <= 0) {
      return 0;
    }
    long parallel = Math.max(1, workers);
    long waves = (runsLeft + parallel - 1) / parallel;
    return waves * Math.max(0, budgetSeconds);
  }

  /** A duration in words: {@code 45 s}, {@code 12 min}, {@code 3 h 20 min}, {@code 2 d 4 h}. */
  public static String words(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    Duration d = Duration.ofSeconds(seconds);
    if (seconds < 3600) {
      return (seconds + 59) / 60 + " min";
    }
    if (seconds < 86_400) {
      long minutes = d.toMinutesPart();
      return d.toHours() + " h" + (minutes == 0 ? "" : " " + minutes + " min");
    }
    long hours = d.toHoursPart();
    return d.toDays() + " d" + (hours == 0 ? "" : " " + hours + " h");
  }
}
