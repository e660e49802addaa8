package org.xeenet.worker.lease;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * When the volunteer lets the worker take tasks: {@code --schedule 22:00-07:00} (local time; a
 * window may wrap midnight; start == end means always). Checked before each lease.
 */
public record Schedule(LocalTime start, LocalTime end) {
  public static Schedule parse(String spec) {
    String[] parts = spec == null ? new String[0] : spec.trim().split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("schedule must look like 22:00-07:00, got " + spec);
    }
    try {
      return new Schedule(LocalTime.parse(pad(parts[0])), LocalTime.parse(pad(parts[1])));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("schedule must look like 22:00-07:00, got " + spec, e);
    }
  }

  private static String pad(String s) {
    String t = s.trim();
    return t.length() == 4 && t.charAt(1) == ':' ? "0" + t : t;
  }

  /** True when {@code now} is inside the window (start inclusive, end exclusive). */
  public boolean allows(LocalTime now) {
    if (start.equals(end)) {
      return true;
    }
    if (start.isBefore(end)) {
      return !now.isBefore(start) && now.isBefore(end);
    }
    return !now.isBefore(start) || now.isBefore(end);
  }

  @Override
  public String toString() {
    return start + "-" + end;
  }
}
