package org.xeenet.portal.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.xeenet.search.control.ParameterDomain;

/**
 * The template's default search space written the way a brief overrides it, so the form can show
 * what each parameter ranges over: a list of choices, a {@code {"low", "high", "log"}} range or a
 * fixed number.
 */
public final class SearchSpaceHint {
  private SearchSpaceHint() {}

  /** One parameter and its default domain in override syntax. */
  public record Entry(String name, String domain) {}

  public static List<Entry> of(Map<String, ParameterDomain> domains) {
    List<Entry> entries = new ArrayList<>();
    domains.forEach((name, domain) -> entries.add(new Entry(name, json(domain))));
    return entries;
  }

  static String json(ParameterDomain domain) {
    if (domain instanceof ParameterDomain.Fixed fixed) {
      return value(fixed.value());
    }
    if (domain instanceof ParameterDomain.Choice choice) {
      StringJoiner list = new StringJoiner(", ", "[", "]");
      choice.values().forEach(v -> list.add(value(v)));
      return list.toString();
    }
    if (domain instanceof ParameterDomain.IntRange range) {
      return "{\"low\": " + range.low() + ", \"high\": " + range.high() + "}";
    }
    if (domain instanceof ParameterDomain.RealRange range) {
      return "{\"low\": "
          + ConfigSummary.plain(range.low())
          + ", \"high\": "
          + ConfigSummary.plain(range.high())
          + (range.log() ? ", \"log\": true}" : "}");
    }
    return String.valueOf(domain);
  }

  private static String value(Object v) {
    if (v instanceof Number) {
      return ConfigSummary.plain(v);
    }
    if (v instanceof String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    return String.valueOf(v);
  }
}
