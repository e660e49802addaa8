package org.xeenet.portal.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number and time formats of the portal, independent of the browser's locale. */
public final class Formats {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Formats() {}

  /** Bits per byte with 4 decimals, or an empty string when there is no value yet. */
  public static String bpb(Double value) {
    return decimals(value, 4);
  }

  public static String decimals(Double value, int digits) {
    if (value == null || value.isNaN()) {
      return "";
    }
    return String.format(Locale.ROOT, "%." + digits + "f", value);
  }

  /**
   * Which budget each task of a campaign has: its step or token budget on top of the wall time
   * ("2,000 steps + 120 s"), or the wall time alone ("120 s").
   */
  public static String budget(String kind, Long perTask, int seconds) {
    if (("steps".equals(kind) || "tokens".equals(kind)) && perTask != null) {
      return String.format(Locale.ROOT, "%,d %s + %d s", perTask, kind, seconds);
    }
    return seconds + " s";
  }

  public static String count(Long value) {
    return value == null ? "" : Long.toString(value);
  }

  public static String instant(Instant value) {
    return value == null ? "" : UTC.format(value);
  }

  /** The first 8 characters of an identifier (the full one goes into a tooltip). */
  public static String shortId(String id) {
    if (id == null) {
      return "";
    }
    return id.length() <= 8 ? id : id.substring(0, 8);
  }
}
