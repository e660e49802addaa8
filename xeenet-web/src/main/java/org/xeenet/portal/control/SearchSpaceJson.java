package org.xeenet.portal.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search-space overrides a researcher types as JSON in the brief form: blank means none,
 * otherwise it must be one JSON object (parameter name → number, list or {@code {low, high, log}}).
 * Whether the overrides make sense is the orchestrator's business; this only reads them.
 */
public final class SearchSpaceJson {
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type MAP_TYPE =
      new LinkedHashMap<String, Object>() {}.getClass().getGenericSuperclass();
  private static final int MAX_LENGTH = 20_000;

  private SearchSpaceJson() {}

  /** Bad JSON, with a message fit to show next to the field. */
  public static final class InvalidJson extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidJson(String message) {
      super(message);
    }
  }

  /** The overrides, or {@code null} when the text is blank. */
  public static Map<String, Object> parse(String text) throws InvalidJson {
    if (text == null || text.isBlank()) {
      return null;
    }
    String json = text.strip();
    if (json.length() > MAX_LENGTH) {
      throw new InvalidJson("is too long (at most " + MAX_LENGTH + " characters)");
    }
    if (!json.startsWith("{")) {
      throw new InvalidJson("must be a JSON object, e.g. {\"n_layer\": [2, 3], \"dropout\": 0.1}");
    }
    try {
      Map<String, Object> parsed = JSONB.fromJson(json, MAP_TYPE);
      if (parsed == null) {
        throw new InvalidJson("must be a JSON object");
      }
      return parsed;
    } catch (JsonbException | IllegalArgumentException | ClassCastException e) {
      throw new InvalidJson("is not valid JSON: " + reason(e));
    }
  }

  private static String reason(Throwable e) {
    Throwable deepest = e;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    String message = deepest.getMessage() == null ? e.getMessage() : deepest.getMessage();
    if (message == null) {
      return "cannot be read";
    }
    String firstLine = message.lines().findFirst().orElse(message).strip();
    return firstLine.length() > 160 ? firstLine.substring(0, 160) + "…" : firstLine;
  }
}
