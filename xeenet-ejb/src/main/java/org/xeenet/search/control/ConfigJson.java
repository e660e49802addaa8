package org.xeenet.search.control;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a task's config JSON (a flat object of numbers) with JSON-P rather than JSON-B binding:
 * about 5× faster on the 100,000 configs an aggregation may read. Types as {@link
 * CharLMSearchSpace#normalize}.
 */
public final class ConfigJson {
  /** Looked up once: {@code Json.createReader} finds the provider again on every call. */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  private ConfigJson() {}

  public static Map<String, Object> parse(String json) {
    Map<String, Object> config = new LinkedHashMap<>();
    try (JsonReader reader = READERS.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      for (Map.Entry<String, JsonValue> e : object.entrySet()) {
        JsonValue v = e.getValue();
        Object value =
            switch (v.getValueType()) {
              case NUMBER -> ((JsonNumber) v).bigDecimalValue();
              case STRING -> ((JsonString) v).getString();
              case TRUE -> Boolean.TRUE;
              case FALSE -> Boolean.FALSE;
              case NULL -> null;
              default -> v.toString();
            };
        config.put(e.getKey(), value);
      }
    }
    return CharLMSearchSpace.normalize(config);
  }
}
