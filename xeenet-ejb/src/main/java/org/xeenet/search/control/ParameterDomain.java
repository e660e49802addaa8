package org.xeenet.search.control;

import java.util.List;
import java.util.SplittableRandom;

/** The values one hyperparameter may take. */
public sealed interface ParameterDomain {

  Object sample(SplittableRandom random);

  /** Whether {@code value} lies in this domain. */
  boolean contains(Object value);

  /**
   * The value at unit coordinate {@code u} in [0, 1): the inverse of the domain's uniform (or
   * log-uniform) distribution, used by quasi-random and model-based samplers.
   */
  Object fromUnit(double u);

  /** The unit coordinate of {@code value}: the middle of its cell for discrete domains. */
  double toUnit(Object value);

  /** At most {@code n} distinct values spread over the domain (every value of a choice). */
  List<?> levels(int n);

  /** Whether the domain is unordered (a choice), so models treat it as categorical. */
  default boolean categorical() {
    return false;
  }

  /** The index of a value in [0, size) for {@code u} in [0, 1), robust to u = 1. */
  static int cell(double u, int size) {
    return Math.max(0, Math.min(size - 1, (int) Math.floor(u * size)));
  }

  /** Exactly one value. */
  record Fixed(Object value) implements ParameterDomain {
    @Override
    public Object sample(SplittableRandom random) {
      return value;
    }

    @Override
    public boolean contains(Object candidate) {
      return value.equals(candidate);
    }

    @Override
    public Object fromUnit(double u) {
      return value;
    }

    @Override
    public double toUnit(Object candidate) {
      return 0.5;
    }

    @Override
    public List<?> levels(int n) {
      return List.of(value);
    }
  }

  /** One of a list, uniformly. */
  record Choice(List<?> values) implements ParameterDomain {
    public Choice {
      if (values.isEmpty()) {
        throw new IllegalArgumentException("a choice needs at least one value");
      }
      values = List.copyOf(values);
    }

    @Override
    public Object sample(SplittableRandom random) {
      return values.get(random.nextInt(values.size()));
    }

    @Override
    public boolean contains(Object candidate) {
      return values.contains(candidate);
    }

    @Override
    public Object fromUnit(double u) {
      return values.get(ParameterDomain.cell(u, values.size()));
    }

    @Override
    public double toUnit(Object candidate) {
      int i = values.indexOf(candidate);
      return i < 0 ? 0.5 : (i + 0.5) / values.size();
    }

    @Override
    public List<?> levels(int n) {
      return values;
    }

    @Override
    public boolean categorical() {
      return true;
    }
  }

  /** An integer in [low, high], uniformly. */
  record IntRange(int low, int high) implements ParameterDomain {
    public IntRange {
      if (low > high) {
        throw new IllegalArgumentException("low must not exceed high");
      }
    }

    @Override
    public Object sample(SplittableRandom random) {
      return low + random.nextInt(high - low + 1);
    }

    @Override
    public boolean contains(Object candidate) {
      return candidate instanceof Integer i && i >= low && i <= high;
    }

    @Override
    public Object fromUnit(double u) {
      return low + ParameterDomain.cell(u, high - low + 1);
    }

    @Override
    public double toUnit(Object candidate) {
      int v = ((Number) candidate).intValue();
      return (v - low + 0.5) / (high - low + 1);
    }

    @Override
    public List<?> levels(int n) {
      java.util.TreeSet<Integer> distinct = new java.util.TreeSet<>();
      for (int k = 0; k < n; k++) {
        double t = n == 1 ? 0.5 : (double) k / (n - 1);
        distinct.add((int) Math.round(low + t * (high - low)));
      }
      return List.copyOf(distinct);
    }
  }

  /** A real in [low, high], uniformly or log-uniformly. */
  record RealRange(double low, double high, boolean log) implements ParameterDomain {
    public RealRange {
      if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high)) {
        throw new IllegalArgumentException("low must be finite and not exceed high");
      }
      if (log && low <= 0) {
        throw new IllegalArgumentException("a log range needs low > 0");
      }
    }

    @Override
    public Object sample(SplittableRandom random) {
      if (low == high) {
        return low;
      }
      double u = random.nextDouble();
      return log
          ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)))
          : low + u * (high - low);
    }

    @Override
    public boolean contains(Object candidate) {
      return candidate instanceof Double d && d >= low && d <= high;
    }

    @Override
    public Object fromUnit(double u) {
      if (low == high) {
        return low;
      }
      if (u <= 0) {
        return low;
      }
      if (u >= 1) {
        return high;
      }
      double t = u;
      double v =
          log
              ? Math.exp(Math.log(low) + t * (Math.log(high) - Math.log(low)))
              : low + t * (high - low);
      return Math.max(low, Math.min(high, v));
    }

    @Override
    public double toUnit(Object candidate) {
      if (low == high) {
        return 0.5;
      }
      double v = ((Number) candidate).doubleValue();
      double t =
          log
              ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low))
              : (v - low) / (high - low);
      return Math.max(0.0, Math.min(1.0, t));
    }

    @Override
    public List<?> levels(int n) {
      if (low == high || n <= 1) {
        return List.of(fromUnit(0.5));
      }
      java.util.List<Double> values = new java.util.ArrayList<>();
      for (int k = 0; k < n; k++) {
        values.add((Double) fromUnit((double) k / (n - 1)));
      }
      return List.copyOf(values);
    }
  }
}
