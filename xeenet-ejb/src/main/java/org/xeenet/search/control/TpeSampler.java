package org.xeenet.search.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.xeenet.search.control.CharLMConfigGenerator.GeneratedConfig;

/**
 * Tree-structured Parzen Estimator (Bergstra et al., NeurIPS 2011), univariate as in Hyperopt and
 * Optuna's default: the observations so far are split at the {@link #GAMMA} quantile of val_bpb
 * into good and bad ones; per parameter, a Parzen density {@code l} is fitted to the good values
 * and {@code g} to the bad ones (in the parameter's unit coordinate: log scale for log ranges;
 * truncated Gaussians with Bergstra's bandwidth — the larger gap to a neighbour, clipped to
 * [1/min(100, n+1), 1] — plus a wide prior component; smoothed frequencies for choices). {@link
 * #CANDIDATES} candidates are drawn from {@code l} and the one with the largest {@code Σ log l/g}
 * (the expected-improvement maximiser) is suggested.
 *
 * <p>Until {@link #STARTUP} observations exist the suggestion is the random draw of the index.
 * Suggestions depend only on the campaign seed, the index and the observations, so they are
 * reproducible; several suggestions from the same observations differ through their index.
 */
public final class TpeSampler {
  public static final int STARTUP = 5;
  public static final double GAMMA = 0.25;
  public static final int CANDIDATES = 24;
  private static final double PRIOR_SIGMA = 1.0;

  /** One finished task: its configuration and val_bpb (lower is better). */
  public record Observation(Map<String, Object> config, double value) {}

  private final CharLMSearchSpace space;
  private final CharLMConfigGenerator random;
  private final long campaignSeed;

  public TpeSampler(CharLMSearchSpace space, long campaignSeed) {
    this.space = space;
    this.random = new CharLMConfigGenerator(space, campaignSeed);
    this.campaignSeed = campaignSeed;
  }

  public GeneratedConfig suggest(int index, List<Observation> history) {
    List<Observation> usable =
        history.stream().filter(o -> Double.isFinite(o.value())).sorted(BY_VALUE).toList();
    if (usable.size() < STARTUP) {
      return random.generate(index);
    }
    int nGood = Math.min(25, Math.max(1, (int) Math.ceil(GAMMA * usable.size())));
    List<Observation> good = usable.subList(0, nGood);
    List<Observation> bad = usable.subList(nGood, usable.size());
    SplittableRandom rng =
        new SplittableRandom(
            CharLMConfigGenerator.mix(
                campaignSeed ^ 0x7e5L ^ CharLMConfigGenerator.mix(index + 1L)));
    Map<String, Estimator[]> models = new LinkedHashMap<>();
    space
        .domains()
        .forEach(
            (name, domain) -> {
              if (!(domain instanceof ParameterDomain.Fixed)) {
                models.put(
                    name,
                    new Estimator[] {
                      Estimator.of(domain, values(good, name)),
                      Estimator.of(domain, values(bad, name))
                    });
              }
            });
    Map<String, Double> best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < CANDIDATES; c++) {
      Map<String, Double> candidate = new LinkedHashMap<>();
      double score = 0;
      for (Map.Entry<String, Estimator[]> model : models.entrySet()) {
        double x = model.getValue()[0].sample(rng);
        candidate.put(model.getKey(), x);
        score += model.getValue()[0].logDensity(x) - model.getValue()[1].logDensity(x);
      }
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    Map<String, Object> config = new LinkedHashMap<>();
    Map<String, Double> chosen = best;
    space
        .domains()
        .forEach(
            (name, domain) ->
                config.put(
                    name,
                    chosen == null || !chosen.containsKey(name)
                        ? domain.fromUnit(0.5)
                        : domain.fromUnit(chosen.get(name))));
    space.repair(config);
    return new GeneratedConfig(index, random.seedOf(index), config);
  }

  private static final Comparator<Observation> BY_VALUE =
      Comparator.comparingDouble(Observation::value);

  private static List<Object> values(List<Observation> observations, String name) {
    List<Object> values = new ArrayList<>();
    for (Observation o : observations) {
      Object v = o.config().get(name);
      if (v != null) {
        values.add(v);
      }
    }
    return values;
  }

  /** A one-dimensional density on a parameter's unit coordinate. */
  interface Estimator {
    double sample(SplittableRandom random);

    double logDensity(double x);

    static Estimator of(ParameterDomain domain, List<Object> values) {
      if (domain instanceof ParameterDomain.Choice choice) {
        return Categorical.of(choice, values);
      }
      double[] points = values.stream().mapToDouble(domain::toUnit).toArray();
      return Parzen.of(points);
    }
  }

  /**
   * Smoothed frequencies of a choice's values (one pseudo-count each); x is the unit coordinate.
   */
  record Categorical(double[] p) implements Estimator {
    static Categorical of(ParameterDomain.Choice choice, List<Object> values) {
      int k = choice.values().size();
      double[] p = new double[k];
      java.util.Arrays.fill(p, 1.0);
      for (Object v : values) {
        int i = choice.values().indexOf(v);
        if (i >= 0) {
          p[i] += 1.0;
        }
      }
      double sum = java.util.Arrays.stream(p).sum();
      for (int i = 0; i < k; i++) {
        p[i] /= sum;
      }
      return new Categorical(p);
    }

    @Override
    public double sample(SplittableRandom random) {
      double u = random.nextDouble();
      double acc = 0;
      for (int i = 0; i < p.length; i++) {
        acc += p[i];
        if (u < acc) {
          return (i + 0.5) / p.length;
        }
      }
      return (p.length - 0.5) / p.length;
    }

    @Override
    public double logDensity(double x) {
      return Math.log(p[ParameterDomain.cell(x, p.length)]);
    }
  }

  /** A mixture of Gaussians truncated to [0, 1], one per point plus a wide prior at 0.5. */
  record Parzen(double[] mu, double[] sigma, double[] mass) implements Estimator {
    static Parzen of(double[] points) {
      double[] sorted = points.clone();
      java.util.Arrays.sort(sorted);
      int n = sorted.length;
      double[] mu = new double[n + 1];
      double[] sigma = new double[n + 1];
      double minSigma = 1.0 / Math.min(100.0, n + 1.0);
      for (int i = 0; i < n; i++) {
        double left = sorted[i] - (i == 0 ? 0.0 : sorted[i - 1]);
        double right = (i == n - 1 ? 1.0 : sorted[i + 1]) - sorted[i];
        mu[i] = sorted[i];
        sigma[i] = Math.max(minSigma, Math.min(1.0, Math.max(left, right)));
      }
      mu[n] = 0.5;
      sigma[n] = PRIOR_SIGMA;
      double[] mass = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        mass[i] = Math.max(1e-12, phi((1 - mu[i]) / sigma[i]) - phi((0 - mu[i]) / sigma[i]));
      }
      return new Parzen(mu, sigma, mass);
    }

    @Override
    public double sample(SplittableRandom random) {
      int i = random.nextInt(mu.length);
      for (int tries = 0; tries < 100; tries++) {
        double x = mu[i] + sigma[i] * gaussian(random);
        if (x >= 0 && x <= 1) {
          return x;
        }
      }
      return Math.max(0, Math.min(1, mu[i]));
    }

    @Override
    public double logDensity(double x) {
      double sum = 0;
      for (int i = 0; i < mu.length; i++) {
        double z = (x - mu[i]) / sigma[i];
        sum += Math.exp(-0.5 * z * z) / (sigma[i] * Math.sqrt(2 * Math.PI) * mass[i]);
      }
      return Math.log(Math.max(sum / mu.length, 1e-300));
    }
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** The standard normal distribution function, by the error function. */
  static double phi(double z) {
    return 0.5 * (1 + erf(z / Math.sqrt(2)));
  }

  /** Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7). */
  static double erf(double x) {
    double sign = Math.signum(x);
    double a = Math.abs(x);
    double t = 1 / (1 + 0.3275911 * a);
    double y =
        1
            - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
                    + 0.254829592)
                * t
                * Math.exp(-a * a);
    return sign * y;
  }
}
