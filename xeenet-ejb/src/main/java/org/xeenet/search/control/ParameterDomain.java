package org.xeenet.search.control;

import java.util.List;
import java.util.SplittableRandom;

/** The values one hyperparameter may take. */
public sealed interface ParameterDomain {

  Object sample(SplittableRandom random);

  /** Whether {@code value} lies in this domain. */
  boolean contains(Object value);

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
  }
}
