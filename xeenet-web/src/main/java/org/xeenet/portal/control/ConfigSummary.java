package org.xeenet.portal.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Short and full text forms of a task's hyperparameter configuration. */
public final class ConfigSummary {
  private static final BigDecimal TINY = new BigDecimal("0.0001");

  private ConfigSummary() {}

  /**
   * The shape and training essentials on one line, e.g. {@code 2L 4H 128E · ctx 64 · bs 16 · lr
   * 1.2e-3 · drop 0.05}; parts whose parameter is absent are left out.
   */
  public static String compact(Map<String, Object> config) {
    if (config == null || config.isEmpty()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    StringJoiner shape = new StringJoiner(" ");
    shape.setEmptyValue("");
    add(shape, config.get("n_layer"), "L");
    add(shape, config.get("n_head"), "H");
    add(shape, config.get("n_embd"), "E");
    if (!shape.toString().isEmpty()) {
      parts.add(shape.toString());
    }
    prefixed(parts, "ctx ", config.get("block_size"));
    prefixed(parts, "bs ", config.get("batch_size"));
    if (config.get("learning_rate") instanceof Number lr) {
      parts.add("lr " + scientific(lr.doubleValue()));
    }
    if (config.get("dropout") instanceof Number dropout) {
      parts.add("drop " + String.format(Locale.ROOT, "%.2f", dropout.doubleValue()));
    }
    return String.join(" · ", parts);
  }

  /** Every parameter as {@code name=value}, in the map's order. */
  public static String full(Map<String, Object> config) {
    if (config == null || config.isEmpty()) {
      return "";
    }
    StringJoiner all = new StringJoiner(", ");
    config.forEach((name, value) -> all.add(name + "=" + plain(value)));
    return all.toString();
  }

  /**
   * A number as a person reads it: at most 6 significant digits, no trailing zeros, no exponent
   * unless it is tiny ({@code 64}, {@code 0.00123457}, {@code 1.5E-7}); anything else as text.
   */
  public static String plain(Object value) {
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return d.toString();
    }
    if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
      return f.toString();
    }
    if (value instanceof Number n) {
      BigDecimal exact =
          new BigDecimal(n.toString()).round(new MathContext(6)).stripTrailingZeros();
      if (exact.signum() != 0 && exact.abs().compareTo(TINY) < 0) {
        return exact.toString();
      }
      return exact.toPlainString();
    }
    return String.valueOf(value);
  }

  private static void add(StringJoiner shape, Object value, String unit) {
    if (value instanceof Number n) {
      shape.add(plain(n) + unit);
    }
  }

  private static void prefixed(List<String> parts, String prefix, Object value) {
    if (value instanceof Number n) {
      parts.add(prefix + plain(n));
    }
  }

  /** {@code 1.2e-3}: two significant digits, enough to tell learning rates apart at a glance. */
  static String scientific(double value) {
    if (value == 0) {
      return "0";
    }
    String s = String.format(Locale.ROOT, "%.1e", value);
    int e = s.indexOf('e');
    String mantissa = s.substring(0, e);
    int exponent = Integer.parseInt(s.substring(e + 1));
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    return mantissa + "e" + exponent;
  }
}
