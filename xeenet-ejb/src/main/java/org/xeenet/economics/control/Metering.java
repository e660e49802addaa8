package org.xeenet.economics.control;

import java.util.Map;

/**
 * What validated work is worth, in normalised compute.
 *
 * <p>Training FLOPs per token of the char-level GPT (Kaplan et al. 2020, training = 3 × forward):
 *
 * <pre>
 *   N             = 12 · n_layer · n_embd² + vocab · n_embd        (blocks + output head)
 *   flops/token   = 6 · N + 6 · n_layer · block_size · n_embd       (weights + attention)
 *   credits       = tokens_processed · flops/token / flops-per-credit   (1e12: 1 credit = 1 TFLOP)
 * </pre>
 *
 * Embedding look-ups and layer norms are left out (negligible). A quick return (the result came
 * back within {@link Tariff#quickFraction()} of the lease's original window {@code budget-factor ×
 * time_budget + grace}) earns a bonus of {@link Tariff#quickBonusRate()} × the compute credits.
 */
public final class Metering {
  /** The char-LM's vocabulary when the config does not say (tinyshakespeare has 65 chars). */
  public static final int DEFAULT_VOCAB = 65;

  private Metering() {}

  /** Model parameters that cost FLOPs per token: the blocks' weights and the output head. */
  public static double parameters(Map<String, ?> config) {
    double layers = number(config, "n_layer");
    double width = number(config, "n_embd");
    double vocab = config.containsKey("vocab_size") ? number(config, "vocab_size") : DEFAULT_VOCAB;
    return 12 * layers * width * width + vocab * width;
  }

  /** Training FLOPs per token (forward and backward) of a char-LM config. */
  public static double trainingFlopsPerToken(Map<String, ?> config) {
    double layers = number(config, "n_layer");
    double width = number(config, "n_embd");
    double context = number(config, "block_size");
    return 6 * parameters(config) + 6 * layers * context * width;
  }

  /** Millicredits for {@code tokens} trained with this config. */
  public static long computeMilli(Map<String, ?> config, long tokens, Tariff tariff) {
    if (tokens <= 0) {
      return 0;
    }
    double credits = tokens * trainingFlopsPerToken(config) / tariff.flopsPerCredit();
    return Credits.toMilli(credits);
  }

  /** Whether a result came back within the quick share of its lease's original window. */
  public static boolean isQuickReturn(
      double turnaroundSeconds, double windowSeconds, Tariff tariff) {
    return windowSeconds > 0
        && turnaroundSeconds >= 0
        && turnaroundSeconds <= tariff.quickFraction() * windowSeconds;
  }

  /** The quick-return bonus on {@code computeMilli}. */
  public static long bonusMilli(long computeMilli, boolean quick, Tariff tariff) {
    return quick ? Math.round(computeMilli * tariff.quickBonusRate()) : 0;
  }

  /**
   * The estimated cost of a campaign before launch, in millicredits: every result of every task
   * computing at the reference rate for its whole time budget, plus the platform's fee.
   */
  public static long estimateMilli(
      int numTasks, int timeBudgetSeconds, int resultsPerTask, Tariff tariff) {
    double flops =
        (double) numTasks * resultsPerTask * timeBudgetSeconds * tariff.referenceFlopsPerS();
    return Credits.toMilli(flops / tariff.flopsPerCredit() * (1 + tariff.feeRate()));
  }

  static double number(Map<String, ?> config, String key) {
    Object value = config == null ? null : config.get(key);
    if (value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() >= 0) {
      return n.doubleValue();
    }
    if (value instanceof String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        // falls through
      }
    }
    throw new IllegalArgumentException("config has no usable " + key + ": " + value);
  }
}
