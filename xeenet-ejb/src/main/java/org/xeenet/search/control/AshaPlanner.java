package org.xeenet.search.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning", MLSys 2020): trials run in rungs of growing budget; whenever a rung {@code k} has {@code
 * n} valid results, its best {@code ⌊n/η⌋} not yet promoted are promoted to rung {@code k + 1}.
 * Promotion never waits for a rung to be complete, so workers that come and go never hold the
 * campaign up: a slow or lost trial is simply not among the finished ones yet. Higher rungs are
 * promoted first.
 */
public final class AshaPlanner {
  public static final int DEFAULT_ETA = 3;

  /**
   * A trial as the planner sees it; {@code value} is its val_bpb, null until it has a valid result
   * (running, queued, failed and invalid trials are never promoted).
   */
  public record Trial(
      int index, int rung, Integer parentIndex, Map<String, Object> config, Double value) {}

  /** Run {@code config} again at {@code toRung}, continuing trial {@code parentIndex}. */
  public record Promotion(int parentIndex, int toRung, Map<String, Object> config) {}

  private final int eta;
  private final int maxRung;

  public AshaPlanner(int eta, int maxRung) {
    if (eta < 2 || maxRung < 0) {
      throw new IllegalArgumentException("eta must be at least 2 and maxRung not negative");
    }
    this.eta = eta;
    this.maxRung = maxRung;
  }

  public int eta() {
    return eta;
  }

  public int maxRung() {
    return maxRung;
  }

  /** Every promotion the results so far allow, top rung first, best trial first. */
  public List<Promotion> promotions(Collection<Trial> trials) {
    Set<Integer> promoted = new HashSet<>();
    for (Trial t : trials) {
      if (t.parentIndex() != null) {
        promoted.add(t.parentIndex());
      }
    }
    List<Promotion> out = new ArrayList<>();
    for (int rung = maxRung - 1; rung >= 0; rung--) {
      int k = rung;
      List<Trial> done =
          trials.stream()
              .filter(t -> t.rung() == k && t.value() != null && Double.isFinite(t.value()))
              .sorted(Comparator.comparingDouble(Trial::value).thenComparingInt(Trial::index))
              .toList();
      int top = done.size() / eta;
      for (int i = 0; i < top; i++) {
        Trial t = done.get(i);
        if (!promoted.contains(t.index())) {
          out.add(new Promotion(t.index(), rung + 1, t.config()));
        }
      }
    }
    return out;
  }
}
