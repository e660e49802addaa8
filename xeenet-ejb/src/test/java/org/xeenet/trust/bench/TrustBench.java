package org.xeenet.trust.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.TaskResult;
import org.xeenet.economics.control.LedgerAudit;
import org.xeenet.economics.control.LedgerAudit.TransactionSum;
import org.xeenet.economics.control.Metering;
import org.xeenet.economics.control.Settlement;
import org.xeenet.economics.control.Tariff;
import org.xeenet.economics.control.Transfer;
import org.xeenet.trust.control.Plausibility;

/**
 * {@code ./xeenet bench trust [results]}: the plausibility checks on synthetic honest results and
 * on six kinds of forgery (detection and false-alarm rates, checks/s), then settlement and
 * whole-ledger audit speed. Honest runs follow the measured figures of STACK.md (a 2 × 128 model at
 * ~37 k tokens/s reaches 2.50 bpb after 3.1 M tokens); smaller models run at 20–100 % of the
 * FLOP-scaled benchmark speed.
 */
public final class TrustBench {
  static final int[] LAYERS = {1, 2, 3, 4};
  static final int[] WIDTHS = {32, 64, 96, 128};
  static final int[] CONTEXTS = {32, 64, 128};
  static final int[] BATCHES = {8, 16, 32};
  static final int BUDGET = 60;

  private TrustBench() {}

  record Run(Map<String, Object> config, double benchmark, TaskResult result) {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Random random = new Random(6);
    Plausibility check = new Plausibility(Plausibility.Limits.DEFAULT);
    List<Run> honest = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      honest.add(honest(random));
    }
    System.out.printf(Locale.ROOT, "plausibility checks, %d results per kind%n", n);
    System.out.printf(Locale.ROOT, "%-34s %9s%n", "kind", "flagged");
    report("honest (false alarms)", honest, check);
    Map<String, java.util.function.Function<Run, Run>> forgeries = new LinkedHashMap<>();
    forgeries.put("tokens inflated 5x", r -> forge(r, 1, 5, r.result().valBpb(), false, 1));
    forgeries.put(
        "steps and tokens 10x (speed)", r -> forge(r, 10, 10, r.result().valBpb(), false, 1));
    forgeries.put("val_bpb invented (1.2)", r -> forge(r, 1, 1, 1.2, false, 1));
    forgeries.put("flat loss curve", r -> forge(r, 1, 1, r.result().valBpb(), true, 1));
    forgeries.put("wall time 3x the budget", r -> forge(r, 1, 1, r.result().valBpb(), false, 3));
    forgeries.put(
        "1% of the steps, full-run val_bpb",
        r -> forge(r, 0.01, 0.01, r.result().valBpb() - 0.3, false, 0.01));
    for (var forgery : forgeries.entrySet()) {
      report(forgery.getKey(), honest.stream().map(forgery.getValue()).toList(), check);
    }

    long start = System.nanoTime();
    long findings = 0;
    int rounds = 5;
    for (int k = 0; k < rounds; k++) {
      for (Run run : honest) {
        findings += check.findings(run.result(), run.config(), BUDGET, run.benchmark()).size();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%nplausibility: %.0f checks/s (%d checks, %d findings)%n",
        rounds * n / seconds,
        rounds * n,
        findings);

    start = System.nanoTime();
    long sum = 0;
    int settlements = 1_000_000;
    for (int i = 0; i < settlements; i++) {
      Run run = honest.get(i % n);
      long compute =
          Metering.computeMilli(run.config(), run.result().tokensProcessed(), Tariff.DEFAULT);
      Settlement s = Settlement.of(compute, compute / 10, 50_000, Tariff.DEFAULT);
      Transfer t =
          new Transfer(Transfer.CHARGE, "l" + i, "c", "w", null, s.legs("escrow:c", "worker:w"));
      sum += t.amountOn("worker:w");
    }
    seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "metering + settlement + balanced transfer: %.0f /s (%d, %d mc paid)%n",
        settlements / seconds,
        settlements,
        sum);

    List<TransactionSum> sums = new ArrayList<>();
    for (int i = 0; i < 1_000_000; i++) {
      sums.add(new TransactionSum("t" + i, 3, 0));
    }
    start = System.nanoTime();
    LedgerAudit.Report audit = LedgerAudit.audit(sums);
    System.out.printf(
        Locale.ROOT,
        "ledger audit of %d transactions (%d postings): %.1f ms, balanced %s%n",
        audit.transactions(),
        audit.postings(),
        (System.nanoTime() - start) / 1e6,
        audit.balanced());
  }

  static void report(String kind, List<Run> runs, Plausibility check) {
    long flagged =
        runs.stream()
            .filter(r -> !check.findings(r.result(), r.config(), BUDGET, r.benchmark()).isEmpty())
            .count();
    System.out.printf(
        Locale.ROOT, "%-34s %8.2f%%%n", kind, 100.0 * flagged / Math.max(1, runs.size()));
  }

  static Run honest(Random random) {
    Map<String, Object> config = new LinkedHashMap<>();
    int layers = LAYERS[random.nextInt(LAYERS.length)];
    int width = WIDTHS[random.nextInt(WIDTHS.length)];
    int context = CONTEXTS[random.nextInt(CONTEXTS.length)];
    int batch = BATCHES[random.nextInt(BATCHES.length)];
    config.put("n_layer", layers);
    config.put("n_embd", width);
    config.put("block_size", context);
    config.put("batch_size", batch);
    double benchmark = 20_000 + random.nextDouble() * 40_000;
    double ratio =
        Metering.trainingFlopsPerToken(Map.of("n_layer", 2, "n_embd", 128, "block_size", 64))
            / Metering.trainingFlopsPerToken(config);
    double tokensPerS = benchmark * ratio * (0.2 + 0.8 * random.nextDouble());
    double wall = BUDGET - 3 + random.nextDouble() * 8;
    long steps = Math.max(1, (long) (tokensPerS * (wall - 3) / (batch * context)));
    long tokens = steps * batch * context;
    double bpb =
        Math.max(1.9, 2.5 + 0.35 * (6.49 - Math.log10(tokens)) + random.nextGaussian() * 0.1);
    double trainLoss = bpb * Math.log(2) + random.nextDouble() * 0.1;
    return new Run(config, benchmark, result(steps, tokens, wall, bpb, trainLoss, false, random));
  }

  static Run forge(
      Run run, double stepFactor, double tokenFactor, double bpb, boolean flat, double wallFactor) {
    TaskResult r = run.result();
    long steps = Math.max(1, (long) (r.stepsCompleted() * stepFactor));
    long tokens = Math.max(1, (long) (r.tokensProcessed() * tokenFactor));
    double wall = r.wallTimeSeconds() * wallFactor;
    return new Run(
        run.config(),
        run.benchmark(),
        result(steps, tokens, wall, bpb, r.trainLoss(), flat, new Random(steps)));
  }

  static TaskResult result(
      long steps,
      long tokens,
      double wall,
      double bpb,
      double trainLoss,
      boolean flat,
      Random random) {
    List<CurvePoint> curve = new ArrayList<>();
    double first = Math.log(65) + random.nextGaussian() * 0.05;
    for (int i = 0; i <= 20; i++) {
      double loss =
          flat
              ? first + random.nextGaussian() * 0.05
              : trainLoss
                  + (first - trainLoss) * Math.exp(-5.0 * i / 20)
                  + random.nextGaussian() * 0.02;
      curve.add(new CurvePoint(steps * i / 20, wall * i / 20, loss, i == 20 ? bpb : null));
    }
    return new TaskResult(
        "t", bpb, trainLoss, steps, wall, "cpu", "completed", null, false, tokens, curve);
  }
}
