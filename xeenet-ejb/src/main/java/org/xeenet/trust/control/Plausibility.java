package org.xeenet.trust.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.TaskResult;
import org.xeenet.economics.control.Metering;

/**
 * Whether a completed result could have come from the run it claims. Each check gives a finding (a
 * sentence) when it fails; a result with findings is not credited and lowers the worker's
 * reputation. The bounds are generous on purpose: an honest run never fails them, a fabricated one
 * has to be carefully faked to pass them all.
 *
 * <ul>
 *   <li><b>tokens vs steps</b>: tokens_processed ≤ steps × batch_size × block_size (+5 %).
 *   <li><b>throughput vs benchmark</b>: tokens/s ≤ {@code speedTolerance} × the worker's own {@code
 *       benchmark_tokens_per_s}, scaled by FLOPs/token of the benchmark model over those of this
 *       config (a smaller model trains proportionally faster).
 *   <li><b>wall time vs budget</b>: wall_time_seconds ≤ {@code wallFactor} × time_budget + {@code
 *       wallGraceSeconds}; a run with steps has a wall time.
 *   <li><b>loss curve</b>: steps and elapsed times never go back; with ≥ 3 points over ≥ 20 steps,
 *       the mean train_loss of the last quarter is 0.1 nat below the first point's.
 *   <li><b>val_bpb reachable</b>: val_bpb ≥ max({@code minBpb}, 4.5 − 0.5 · log10(tokens)) (from
 *       measured char-LM runs: 3.1 M tokens reach 2.50, 7.7 M reach 2.30; the floor is ~1.2 below
 *       them); and validation loss (val_bpb · ln 2) not below the final train_loss by more than 0.5
 *       nat.
 * </ul>
 */
public final class Plausibility {
  /** The start-up benchmark's model (xeenet-worker StartupBenchmark). */
  static final Map<String, Object> BENCHMARK_MODEL =
      Map.of("n_layer", 2, "n_embd", 128, "block_size", 64, "batch_size", 16);

  /** The last quarter of a curve must be at least this far below its first point (nats). */
  static final double DESCENT_NATS = 0.1;

  /** Validation loss may be at most this far below the final train_loss (nats). */
  static final double VAL_BELOW_TRAIN_NATS = 0.5;

  private final Limits limits;

  /**
   * The configurable bounds.
   *
   * @param speedTolerance how many times its scaled benchmark a worker may exceed
   * @param wallFactor how many time budgets a run may last …
   * @param wallGraceSeconds … plus this
   * @param minBpb no char-LM result is believed below this
   */
  public record Limits(
      double speedTolerance, double wallFactor, double wallGraceSeconds, double minBpb) {
    public static final Limits DEFAULT = new Limits(3.0, 1.5, 30, 1.0);
  }

  public Plausibility(Limits limits) {
    this.limits = limits;
  }

  /** The findings against a completed result; empty when it is plausible. */
  public List<String> findings(
      TaskResult result, Map<String, ?> config, int timeBudgetSeconds, Double benchmarkTokensPerS) {
    List<String> findings = new ArrayList<>();
    long steps = result.stepsCompleted() == null ? 0 : result.stepsCompleted();
    Long tokens = result.tokensProcessed();
    Double wall = result.wallTimeSeconds();
    Double batch = number(config, "batch_size");
    Double block = number(config, "block_size");
    if (tokens != null && batch != null && block != null) {
      double most = steps * batch * block * 1.05;
      if (tokens > most + batch * block) {
        findings.add(
            String.format(
                Locale.ROOT,
                "tokens_processed %d exceeds steps × batch_size × block_size = %.0f",
                tokens,
                steps * batch * block));
      }
    }
    if (steps > 0 && (wall == null || wall <= 0)) {
      findings.add("no wall time for " + steps + " steps");
    }
    if (wall != null
        && wall > limits.wallFactor() * timeBudgetSeconds + limits.wallGraceSeconds()) {
      findings.add(
          String.format(
              Locale.ROOT,
              "wall time %.1f s is far beyond the time budget of %d s",
              wall,
              timeBudgetSeconds));
    }
    long effectiveTokens = effectiveTokens(tokens, steps, batch, block);
    if (wall != null
        && wall > 0
        && effectiveTokens > 0
        && benchmarkTokensPerS != null
        && benchmarkTokensPerS > 0) {
      Double allowed = allowedTokensPerS(config, benchmarkTokensPerS);
      double claimed = effectiveTokens / wall;
      if (allowed != null && claimed > allowed) {
        findings.add(
            String.format(
                Locale.ROOT,
                "%.0f tokens/s is more than %.0f× what this worker's benchmark (%.0f tokens/s)"
                    + " allows for this model (%.0f tokens/s)",
                claimed,
                limits.speedTolerance(),
                benchmarkTokensPerS,
                allowed / limits.speedTolerance()));
      }
    }
    curveFindings(result.curve(), wall, findings);
    if (result.valBpb() != null) {
      double floor = bpbFloor(effectiveTokens);
      if (result.valBpb() < floor) {
        findings.add(
            String.format(
                Locale.ROOT,
                "val_bpb %.3f is below what %d tokens of training can reach (%.2f)",
                result.valBpb(),
                effectiveTokens,
                floor));
      }
      if (result.trainLoss() != null
          && result.valBpb() * Math.log(2) < result.trainLoss() - VAL_BELOW_TRAIN_NATS) {
        findings.add(
            String.format(
                Locale.ROOT,
                "validation loss %.3f nats is far below the final train_loss %.3f",
                result.valBpb() * Math.log(2),
                result.trainLoss()));
      }
    }
    return findings;
  }

  /** The lowest val_bpb believed after {@code tokens} tokens of training. */
  public double bpbFloor(long tokens) {
    double byTokens = 4.5 - 0.5 * Math.log10(Math.max(1, tokens));
    return Math.max(limits.minBpb(), byTokens);
  }

  /** Tokens/s this config may reach on a worker with this benchmark, tolerance included. */
  Double allowedTokensPerS(Map<String, ?> config, double benchmarkTokensPerS) {
    try {
      double ratio =
          Metering.trainingFlopsPerToken(BENCHMARK_MODEL) / Metering.trainingFlopsPerToken(config);
      return benchmarkTokensPerS * ratio * limits.speedTolerance();
    } catch (IllegalArgumentException e) {
      return null; // a config without the model's shape: no throughput check
    }
  }

  private static long effectiveTokens(Long tokens, long steps, Double batch, Double block) {
    if (tokens != null) {
      return tokens;
    }
    if (batch != null && block != null) {
      return (long) (steps * batch * block);
    }
    return 0;
  }

  private static void curveFindings(List<CurvePoint> curve, Double wall, List<String> findings) {
    if (curve == null || curve.isEmpty()) {
      return;
    }
    long lastStep = -1;
    double lastElapsed = -1;
    for (CurvePoint point : curve) {
      if (point.step() != null) {
        if (point.step() < lastStep) {
          findings.add("the curve's steps go back (" + lastStep + " then " + point.step() + ")");
          return;
        }
        lastStep = point.step();
      }
      if (point.elapsedS() != null) {
        if (point.elapsedS() < lastElapsed) {
          findings.add("the curve's elapsed times go back");
          return;
        }
        lastElapsed = point.elapsedS();
      }
    }
    if (wall != null && lastElapsed > wall * 1.1 + 5) {
      findings.add(
          String.format(
              Locale.ROOT,
              "the curve runs to %.1f s, past the wall time %.1f s",
              lastElapsed,
              wall));
    }
    List<CurvePoint> losses =
        curve.stream()
            .filter(p -> p.trainLoss() != null && p.step() != null)
            .sorted(Comparator.comparingLong(CurvePoint::step))
            .toList();
    if (losses.size() < 3 || losses.get(losses.size() - 1).step() - losses.get(0).step() < 20) {
      return;
    }
    double first = losses.get(0).trainLoss();
    int quarter = Math.max(1, losses.size() / 4);
    double tail =
        losses.subList(losses.size() - quarter, losses.size()).stream()
            .mapToDouble(CurvePoint::trainLoss)
            .average()
            .orElse(first);
    if (!(tail < first - DESCENT_NATS)) {
      findings.add(
          String.format(
              Locale.ROOT,
              "the loss curve does not descend (first %.3f, last quarter %.3f)",
              first,
              tail));
    }
  }

  private static Double number(Map<String, ?> config, String key) {
    Object value = config == null ? null : config.get(key);
    return value instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : null;
  }
}
