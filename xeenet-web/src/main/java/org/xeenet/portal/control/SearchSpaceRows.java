package org.xeenet.portal.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xeenet.search.control.ParameterDomain;

/**
 * The wizard's search-space editor: one row per parameter of the template with its default domain
 * and an optional override written as in a brief's JSON ({@code 3}, {@code [2, 3]}, {@code {"low":
 * 0.0005, "high": 0.002, "log": true}}). Rows become the brief's {@code search_space} and back (an
 * assistant's proposal fills them).
 */
public final class SearchSpaceRows {
  private static final Jsonb JSONB = JsonbBuilder.create();

  private SearchSpaceRows() {}

  /** One parameter's row; {@code error} is shown under it. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final String defaultDomain;
    private String override = "";
    private String error = "";

    public Row(String name, String defaultDomain) {
      this.name = name;
      this.defaultDomain = defaultDomain;
    }

    public String getName() {
      return name;
    }

    public String getDefaultDomain() {
      return defaultDomain;
    }

    public String getOverride() {
      return override;
    }

    public void setOverride(String override) {
      this.override = override == null ? "" : override;
    }

    public String getError() {
      return error;
    }

    public void setError(String error) {
      this.error = error == null ? "" : error;
    }
  }

  /** Rows for the template's default domains, no overrides. */
  public static List<Row> of(Map<String, ParameterDomain> defaults) {
    List<Row> rows = new ArrayList<>();
    for (SearchSpaceHint.Entry e : SearchSpaceHint.of(defaults)) {
      rows.add(new Row(e.name(), e.domain()));
    }
    return rows;
  }

  /**
   * The overrides the rows give; a row whose text is not one JSON value gets an error and is left
   * out. Returns null when no row overrides anything.
   */
  public static Map<String, Object> overrides(List<Row> rows) {
    Map<String, Object> overrides = new LinkedHashMap<>();
    for (Row row : rows) {
      row.setError("");
      String text = row.getOverride().strip();
      if (text.isEmpty()) {
        continue;
      }
      try {
        Map<String, Object> one =
            SearchSpaceJson.parse("{\"" + row.getName() + "\": " + text + "}");
        overrides.put(row.getName(), one.get(row.getName()));
      } catch (SearchSpaceJson.InvalidJson e) {
        row.setError(
            "write a number, a list like [2, 3] or a range like {\"low\": 1, \"high\": 4}");
      }
    }
    return overrides.isEmpty() ? null : overrides;
  }

  /** Puts a brief's {@code search_space} into the rows (others cleared); unknown names returned. */
  public static List<String> fill(List<Row> rows, Map<String, Object> space) {
    List<String> unknown = new ArrayList<>();
    for (Row row : rows) {
      row.setOverride("");
      row.setError("");
    }
    if (space == null) {
      return unknown;
    }
    space.forEach(
        (name, value) -> {
          Row row = rows.stream().filter(r -> r.getName().equals(name)).findFirst().orElse(null);
          if (row == null) {
            unknown.add(name);
          } else {
            row.setOverride(JSONB.toJson(value));
          }
        });
    return unknown;
  }
}
