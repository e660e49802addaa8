package org.xeenet.worker.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hyperparameters of one char-lm training run, parsed from the TaskSpec's {@code config}
 * object. Numbers may arrive as any JSON number ({@code 4.0} for 4); integral keys must hold an
 * integral value.
 */
public record TrainerConfig(
    int nLayer,
    int nHead,
    int nEmbd,
    int blockSize,
    int batchSize,
    double learningRate,
    double dropout,
    double weightDecay,
    Integer warmupSteps,
    double gradClip,
    Integer evalInterval,
    Long maxSteps,
    Long maxTokens,
    boolean tieWeights,
    Integer logInterval) {

  /** The config without the optional budget/logging extras (tests, benchmarks). */
  public TrainerConfig(
      int nLayer,
      int nHead,
      int nEmbd,
      int blockSize,
      int batchSize,
      double learningRate,
      double dropout,
      double weightDecay,
      Integer warmupSteps,
      double gradClip,
      Integer evalInterval,
      Long maxSteps) {
    this(
        nLayer,
        nHead,
        nEmbd,
        blockSize,
        batchSize,
        learningRate,
        dropout,
        weightDecay,
        warmupSteps,
        gradClip,
        evalInterval,
        maxSteps,
        null,
        false,
        null);
  }

  /** Thrown when the config is missing a key or holds an invalid value. */
  public static final class InvalidConfigException extends IllegalArgumentException {
    public InvalidConfigException(String message) {
      super(message);
    }
  }

  /** Parses and validates; every problem found is listed in the exception's message. */
  public static TrainerConfig parse(Map<String, ?> raw) {
    if (raw == null) {
      throw new InvalidConfigException("config is missing");
    }
    List<String> errors = new ArrayList<>();
    Reader r = new Reader(raw, errors);
    int nLayer = r.intValue("n_layer", null, 1, 64);
    int nHead = r.intValue("n_head", null, 1, 64);
    int nEmbd = r.intValue("n_embd", null, 1, 4096);
    int blockSize = r.intValue("block_size", null, 2, 4096);
    int batchSize = r.intValue("batch_size", null, 1, 4096);
    double lr = r.doubleValue("learning_rate", null, 0, 10);
    double dropout = r.doubleValue("dropout", 0.0, 0, 0.95);
    double wd = r.doubleValue("weight_decay", 0.0, 0, 10);
    Integer warmup = r.optionalInt("warmup_steps", 0, 10_000_000);
    double clip = r.doubleValue("grad_clip", 1.0, 0, 1e6);
    Integer evalInterval = r.optionalInt("eval_interval", 1, 10_000_000);
    Integer maxSteps = r.optionalInt("max_steps", 1, Integer.MAX_VALUE);
    Double maxTokensRaw = r.number("max_tokens");
    Long maxTokens = null;
    if (maxTokensRaw != null && !maxTokensRaw.isNaN()) {
      if (maxTokensRaw < 1 || maxTokensRaw != Math.rint(maxTokensRaw)) {
        errors.add("max_tokens must be a positive integer, got " + maxTokensRaw);
      } else {
        maxTokens = maxTokensRaw.longValue();
      }
    }
    boolean tie = r.bool("tie_weights", false);
    Integer logInterval = r.optionalInt("log_interval", 1, 10_000_000);
    if (errors.isEmpty() && nEmbd % nHead != 0) {
      errors.add("n_embd (" + nEmbd + ") must be divisible by n_head (" + nHead + ")");
    }
    if (errors.isEmpty() && lr <= 0) {
      errors.add("learning_rate must be > 0");
    }
    if (!errors.isEmpty()) {
      throw new InvalidConfigException("invalid config: " + String.join("; ", errors));
    }
    return new TrainerConfig(
        nLayer,
        nHead,
        nEmbd,
        blockSize,
        batchSize,
        lr,
        dropout,
        wd,
        warmup,
        clip,
        evalInterval,
        maxSteps == null ? null : maxSteps.longValue(),
        maxTokens,
        tie,
        logInterval);
  }

  /**
   * The step budget: max_steps, or the steps that process max_tokens (rounded up), whichever is
   * smaller; null when neither is set (then only the time budget stops training).
   */
  public Long stepLimit() {
    Long fromTokens =
        maxTokens == null ? null : (maxTokens + tokensPerStep() - 1) / tokensPerStep();
    if (maxSteps == null) {
      return fromTokens;
    }
    return fromTokens == null ? maxSteps : Math.min(maxSteps, fromTokens);
  }

  /** Warmup steps: the configured value, else 5% of max_steps when known, else 50. */
  public int effectiveWarmup() {
    if (warmupSteps != null) {
      return warmupSteps;
    }
    Long limit = stepLimit();
    if (limit != null) {
      return (int) Math.max(1, Math.min(50, limit / 20));
    }
    return 50;
  }

  /** Steps between two validation evaluations recorded on the curve. */
  public int effectiveEvalInterval() {
    return evalInterval != null ? evalInterval : 250;
  }

  /** Tokens processed by one optimizer step. */
  public long tokensPerStep() {
    return (long) batchSize * blockSize;
  }

  private record Reader(Map<String, ?> raw, List<String> errors) {

    Double number(String key) {
      Object v = raw.get(key);
      if (v == null) {
        return null;
      }
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      if (v instanceof String s) {
        try {
          return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
          errors.add(key + " is not a number: " + s);
          return Double.NaN;
        }
      }
      errors.add(key + " is not a number: " + v);
      return Double.NaN;
    }

    boolean bool(String key, boolean dflt) {
      Object v = raw.get(key);
      if (v == null) {
        return dflt;
      }
      if (v instanceof Boolean b) {
        return b;
      }
      if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
        return Boolean.parseBoolean(s);
      }
      errors.add(key + " must be true or false, got " + v);
      return dflt;
    }

    int intValue(String key, Integer dflt, int min, int max) {
      Integer v = optionalInt(key, min, max);
      if (v == null) {
        if (dflt == null) {
          if (!raw.containsKey(key) || raw.get(key) == null) {
            errors.add(key + " is required");
          }
          return 0;
        }
        return dflt;
      }
      return v;
    }

    Integer optionalInt(String key, int min, int max) {
      Double d = number(key);
      if (d == null || d.isNaN()) {
        return null;
      }
      if (d != Math.rint(d)) {
        errors.add(key + " must be an integer, got " + d);
        return null;
      }
      if (d < min || d > max) {
        errors.add(key + " must be in [" + min + ", " + max + "], got " + d.longValue());
        return null;
      }
      return d.intValue();
    }

    double doubleValue(String key, Double dflt, double min, double max) {
      Double d = number(key);
      if (d == null) {
        if (dflt == null) {
          errors.add(key + " is required");
          return 0;
        }
        return dflt;
      }
      if (d.isNaN() || d.isInfinite()) {
        return dflt == null ? 0 : dflt;
      }
      if (d < min || d > max) {
        errors.add(key + " must be in [" + min + ", " + max + "], got " + d);
      }
      return d;
    }
  }
}
