package org.xeenet.cluster.control;

import java.util.Optional;

/**
 * The text of a campaign state message on the data grid: {@code <campaign id> <status> <origin>}
 * (plain text, so members need none of the application's classes to carry it).
 */
public record StateMessage(String campaignId, String status, String origin) {
  public StateMessage {
    if (campaignId == null || campaignId.isBlank() || campaignId.contains(" ")) {
      throw new IllegalArgumentException("campaign id: " + campaignId);
    }
    if (status == null || !status.matches("[A-Z_]+")) {
      throw new IllegalArgumentException("status: " + status);
    }
    origin = origin == null || origin.isBlank() ? "?" : origin.replace(' ', '_');
  }

  public String text() {
    return campaignId + " " + status + " " + origin;
  }

  /** The message a text stands for, or empty for anything else. */
  public static Optional<StateMessage> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String[] parts = text.split(" ");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(new StateMessage(parts[0], parts[1], parts[2]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
