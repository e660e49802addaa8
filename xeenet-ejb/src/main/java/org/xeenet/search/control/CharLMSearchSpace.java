package org.xeenet.search.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xeenet.api.Problem.FieldError;

/**
 * The hyperparameters of the {@code char-lm} template (a GPT-style character-level model) and their
 * default ranges, sized for a few minutes of training on a laptop CPU. A brief may narrow or
 * replace any range: a number fixes it, a list gives choices, {@code {"low", "high", "log"}} gives
 * a range.
 */
public final class CharLMSearchSpace {
  public static final String TEMPLATE = "char-lm";
  public static final String CODE_PACKAGE = "builtin:char-lm/1";

  /** Integer-valued hyperparameters; every other one is real-valued. */
  static final List<String> INTEGER_PARAMETERS =
      List.of("n_layer", "n_head", "n_embd", "block_size", "batch_size", "warmup_steps");

  private final Map<String, ParameterDomain> domains;

  private CharLMSearchSpace(Map<String, ParameterDomain> domains) {
    this.domains = domains;
  }

  public static Map<String, ParameterDomain> defaults() {
    Map<String, ParameterDomain> d = new LinkedHashMap<>();
    d.put("n_layer", new ParameterDomain.Choice(List.of(1, 2, 3, 4)));
    d.put("n_head", new ParameterDomain.Choice(List.of(2, 4)));
    d.put("n_embd", new ParameterDomain.Choice(List.of(32, 64, 96, 128)));
    d.put("block_size", new ParameterDomain.Choice(List.of(32, 64, 128)));
    d.put("batch_size", new ParameterDomain.Choice(List.of(8, 16, 32)));
    d.put("learning_rate", new ParameterDomain.RealRange(1e-4, 3e-3, true));
    d.put("dropout", new ParameterDomain.RealRange(0.0, 0.2, false));
    d.put("weight_decay", new ParameterDomain.RealRange(0.0, 0.1, false));
    d.put("warmup_steps", new ParameterDomain.Choice(List.of(20, 50, 100)));
    return d;
  }

  /** The default space narrowed by a brief's overrides; collects every bad override. */
  public static CharLMSearchSpace withOverrides(
      Map<String, Object> overrides, List<FieldError> errors) {
    Map<String, ParameterDomain> domains = defaults();
    if (overrides != null) {
      overrides.forEach(
          (name, spec) -> {
            String field = "search_space." + name;
            if (!domains.containsKey(name)) {
              errors.add(new FieldError(field, "unknown parameter; known: " + domains.keySet()));
              return;
            }
            try {
              domains.put(name, parse(name, spec));
            } catch (IllegalArgumentException e) {
              errors.add(new FieldError(field, e.getMessage()));
            }
          });
    }
    CharLMSearchSpace space = new CharLMSearchSpace(domains);
    if (errors.stream().noneMatch(e -> e.field().startsWith("search_space"))
        && !space.headsCanDivideWidth()) {
      errors.add(
          new FieldError("search_space.n_head", "no n_head choice divides any n_embd choice"));
    }
    return space;
  }

  /**
   * A configuration read back from JSON (numbers as BigDecimal) with the template's types again:
   * Integer for integer parameters, Long for {@code max_steps}/{@code max_tokens}, Double for the
   * other numbers. Changes {@code config} in place.
   */
  public static Map<String, Object> normalize(Map<String, Object> config) {
    config.replaceAll(
        (name, value) -> {
          if (!(value instanceof Number n)) {
            return value;
          }
          if (INTEGER_PARAMETERS.contains(name)) {
            return n.intValue();
          }
          if (name.equals(SearchPlan.MAX_STEPS)
              || name.equals(SearchPlan.MAX_TOKENS)
              || name.equals(SearchPlan.RESUME_STEP)) {
            return n.longValue();
          }
          return n.doubleValue();
        });
    return config;
  }

  public Map<String, ParameterDomain> domains() {
    return domains;
  }

  /**
   * Makes a configuration drawn coordinate by coordinate (quasi-random, grid, TPE) trainable: when
   * {@code n_embd} is not a multiple of {@code n_head}, takes the head count of the domain nearest
   * to the drawn one that divides the width, else the width of the domain nearest to the drawn one
   * that the heads divide, else the first valid pair. Changes {@code config} in place.
   */
  public Map<String, Object> repair(Map<String, Object> config) {
    int heads = (Integer) config.get("n_head");
    int width = (Integer) config.get("n_embd");
    if (width % heads == 0) {
      return config;
    }
    Integer head = nearest(values(domains.get("n_head")), heads, h -> width % h == 0);
    if (head != null) {
      config.put("n_head", head);
      return config;
    }
    Integer w = nearest(values(domains.get("n_embd")), width, x -> x % heads == 0);
    if (w != null) {
      config.put("n_embd", w);
      return config;
    }
    List<int[]> pairs = headWidthPairs();
    if (pairs.isEmpty()) {
      throw new IllegalStateException("no n_head divides any n_embd");
    }
    config.put("n_head", pairs.get(0)[0]);
    config.put("n_embd", pairs.get(0)[1]);
    return config;
  }

  /** The (n_head, n_embd) pairs of the domains with the width a multiple of the heads. */
  public List<int[]> headWidthPairs() {
    List<int[]> pairs = new ArrayList<>();
    for (int h : values(domains.get("n_head"))) {
      for (int w : values(domains.get("n_embd"))) {
        if (w % h == 0) {
          pairs.add(new int[] {h, w});
        }
      }
    }
    return pairs;
  }

  private static List<Integer> values(ParameterDomain domain) {
    List<Integer> values = new ArrayList<>();
    if (domain instanceof ParameterDomain.IntRange r) {
      int step = Math.max(1, (r.high() - r.low()) / 4096);
      for (int v = r.low(); v <= r.high(); v += step) {
        values.add(v);
      }
    } else {
      for (Object v : candidates(domain)) {
        values.add((Integer) v);
      }
    }
    return values;
  }

  private static Integer nearest(
      List<Integer> values, int target, java.util.function.IntPredicate ok) {
    Integer best = null;
    for (int v : values) {
      if (ok.test(v)
          && (best == null
              || Math.abs(v - target) < Math.abs(best - target)
              || (Math.abs(v - target) == Math.abs(best - target) && v < best))) {
        best = v;
      }
    }
    return best;
  }

  private boolean headsCanDivideWidth() {
    Collection<?> heads = candidates(domains.get("n_head"));
    Collection<?> widths = candidates(domains.get("n_embd"));
    if (heads == null || widths == null) {
      return true;
    }
    for (Object h : heads) {
      for (Object w : widths) {
        if ((Integer) w % (Integer) h == 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static Collection<?> candidates(ParameterDomain domain) {
    if (domain instanceof ParameterDomain.Fixed f) {
      return List.of(f.value());
    }
    if (domain instanceof ParameterDomain.Choice c) {
      return c.values();
    }
    return null;
  }

  static ParameterDomain parse(String name, Object spec) {
    boolean integer = INTEGER_PARAMETERS.contains(name);
    if (spec instanceof Number n) {
      return new ParameterDomain.Fixed(value(name, n, integer));
    }
    if (spec instanceof List<?> list) {
      if (list.isEmpty()) {
        throw new IllegalArgumentException("a list of choices must not be empty");
      }
      List<Object> values = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof Number n)) {
          throw new IllegalArgumentException("choices must be numbers");
        }
        values.add(value(name, n, integer));
      }
      return new ParameterDomain.Choice(values);
    }
    if (spec instanceof Map<?, ?> range) {
      Object low = range.get("low");
      Object high = range.get("high");
      if (!(low instanceof Number l) || !(high instanceof Number h)) {
        throw new IllegalArgumentException("a range needs numbers 'low' and 'high'");
      }
      boolean log = Boolean.TRUE.equals(range.get("log"));
      if (integer) {
        int lo = (Integer) value(name, l, true);
        int hi = (Integer) value(name, h, true);
        if (lo > hi) {
          throw new IllegalArgumentException("low must not exceed high");
        }
        return new ParameterDomain.IntRange(lo, hi);
      }
      double lo = (Double) value(name, l, false);
      double hi = (Double) value(name, h, false);
      if (lo > hi) {
        throw new IllegalArgumentException("low must not exceed high");
      }
      if (log && lo <= 0) {
        throw new IllegalArgumentException("a log range needs low > 0");
      }
      return new ParameterDomain.RealRange(lo, hi, log);
    }
    throw new IllegalArgumentException("must be a number, a list of numbers or {low, high, log}");
  }

  private static Object value(String name, Number number, boolean integer) {
    BigDecimal exact = new BigDecimal(number.toString());
    if (integer) {
      int v;
      try {
        v = exact.intValueExact();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("must be a whole number");
      }
      int min = name.equals("warmup_steps") ? 0 : 1;
      int max = maxOf(name);
      if (v < min || v > max) {
        throw new IllegalArgumentException("must be between " + min + " and " + max);
      }
      return v;
    }
    double v = exact.doubleValue();
    double max = name.equals("learning_rate") ? 1.0 : name.equals("dropout") ? 0.9 : 1.0;
    double min = name.equals("learning_rate") ? 1e-7 : 0.0;
    if (!(v >= min && v <= max)) {
      throw new IllegalArgumentException("must be between " + min + " and " + max);
    }
    return v;
  }

  private static int maxOf(String name) {
    return switch (name) {
      case "n_layer" -> 48;
      case "n_head" -> 64;
      case "n_embd" -> 4096;
      case "block_size" -> 4096;
      case "batch_size" -> 4096;
      default -> 1_000_000;
    };
  }
}
