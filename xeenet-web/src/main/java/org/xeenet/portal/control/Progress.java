package org.xeenet.portal.control;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How far a campaign has come, from its task counts by status: tasks whose status is final (valid,
 * invalid, failed, cancelled) are finished.
 */
public record Progress(long total, long finished, Map<String, Long> counts) {
  /** The statuses shown on the progress line, in a task's order of life. */
  public static final List<String> SHOWN =
      List.of("QUEUED", "LEASED", "VALID", "INVALID", "FAILED");

  static final List<String> FINISHED = List.of("VALID", "INVALID", "FAILED", "CANCELLED");

  public Progress {
    counts = counts == null ? Map.of() : Map.copyOf(counts);
  }

  /**
   * From the counts by status; {@code plannedTasks} is the brief's number of tasks, used while the
   * campaign is still being expanded and has fewer tasks than planned.
   */
  public static Progress of(Map<String, Long> counts, int plannedTasks) {
    Map<String, Long> safe = counts == null ? Map.of() : counts;
    long total = safe.values().stream().mapToLong(v -> v == null ? 0 : v).sum();
    long finished = FINISHED.stream().mapToLong(s -> count(safe, s)).sum();
    return new Progress(Math.max(total, plannedTasks), finished, safe);
  }

  public long count(String status) {
    return count(counts, status);
  }

  /** Whole percent finished, 0 to 100. */
  public int percent() {
    if (total <= 0) {
      return 0;
    }
    return (int) Math.min(100, (finished * 100) / total);
  }

  /** {@code 3/40} */
  public String fraction() {
    return finished + "/" + total;
  }

  /** {@code queued 30 · leased 2 · valid 7 · invalid 1 · failed 0}, plus cancelled when any. */
  public String line() {
    StringJoiner line = new StringJoiner(" · ");
    for (String status : SHOWN) {
      line.add(status.toLowerCase(java.util.Locale.ROOT) + " " + count(status));
    }
    long submitted = count("SUBMITTED");
    if (submitted > 0) {
      line.add("submitted " + submitted);
    }
    long cancelled = count("CANCELLED");
    if (cancelled > 0) {
      line.add("cancelled " + cancelled);
    }
    return line.toString();
  }

  private static long count(Map<String, Long> counts, String status) {
    Long value = counts.get(status);
    return value == null ? 0 : value;
  }
}
