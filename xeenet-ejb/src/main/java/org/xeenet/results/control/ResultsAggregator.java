package org.xeenet.results.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.xeenet.api.CampaignResults.EffectBin;
import org.xeenet.api.CampaignResults.ParameterEffect;
import org.xeenet.api.CampaignResults.ParameterImportance;
import org.xeenet.api.CampaignResults.RankedResult;

/**
 * Aggregates a campaign's valid results: ranking, per-parameter effects and parameter importance.
 *
 * <p>Effects: a parameter with at most {@link #MAX_VALUES} distinct values gets one group per
 * value; otherwise {@link #BINS} quantile bins of equal counts. Importance ({@link #METHOD}): a
 * first-order variance decomposition on these binned marginals, fANOVA-style — the share of
 * val_bpb's total variance explained by the parameter's group means alone, {@code Σ_b n_b (ȳ_b −
 * ȳ)² / Σ_i (y_i − ȳ)²} (the correlation ratio η²). It costs O(n log n) per parameter, needs no
 * model, and is exact for additive effects; interactions are not attributed (importances then sum
 * to less than 1). For ASHA campaigns effects and importance use only rung 0, where every
 * configuration had the same budget; ranking uses every rung.
 */
public final class ResultsAggregator {
  public static final int TOP_K = 10;
  public static final int BINS = 5;
  public static final int MAX_VALUES = 8;
  public static final String METHOD =
      "first-order variance decomposition on binned marginals (correlation ratio eta^2,"
          + " fANOVA-style; values or 5 quantile bins per parameter)";
  private static final Set<String> NOT_PARAMETERS =
      org.xeenet.search.control.SearchPlan.NOT_PARAMETERS;

  /** One valid result. */
  public record Row(
      int index,
      String taskId,
      long seed,
      Map<String, Object> config,
      double valBpb,
      int rung,
      Long stepsCompleted,
      Long tokensProcessed,
      Double wallTimeSeconds) {}

  /** Ranking, effects and importance of a set of results. */
  public record Aggregate(
      List<RankedResult> top,
      List<ParameterEffect> effects,
      List<ParameterImportance> importance) {}

  private ResultsAggregator() {}

  public static Aggregate aggregate(List<Row> rows, int k) {
    Row[] ranked = rows.toArray(Row[]::new);
    Arrays.sort(ranked, Comparator.comparingDouble(Row::valBpb).thenComparingInt(Row::index));
    List<RankedResult> top = new ArrayList<>();
    for (int i = 0; i < Math.min(k, ranked.length); i++) {
      Row r = ranked[i];
      top.add(
          new RankedResult(
              i + 1,
              r.taskId(),
              r.index(),
              r.seed(),
              r.valBpb(),
              r.config(),
              r.rung(),
              r.stepsCompleted(),
              r.tokensProcessed(),
              r.wallTimeSeconds(),
              null));
    }
    List<Row> base = rows.stream().filter(r -> r.rung() == 0).toList();
    if (base.isEmpty()) {
      base = rows;
    }
    Set<String> names = new LinkedHashSet<>();
    for (Row r : base) {
      names.addAll(r.config().keySet());
    }
    names.removeAll(NOT_PARAMETERS);
    int n = base.size();
    double[] y = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      y[i] = base.get(i).valBpb();
      mean += y[i];
    }
    mean = n == 0 ? 0 : mean / n;
    double total = 0;
    for (double v : y) {
      total += (v - mean) * (v - mean);
    }
    List<ParameterEffect> effects = new ArrayList<>();
    List<double[]> explained = new ArrayList<>();
    List<String> parameters = new ArrayList<>();
    for (String name : names) {
      Object[] x = new Object[n];
      for (int i = 0; i < n; i++) {
        x[i] = base.get(i).config().get(name);
      }
      int[] group = new int[n];
      List<EffectBin> bins = groups(x, y, group);
      if (bins.isEmpty()) {
        continue;
      }
      String kind = bins.size() > 0 && isBinned(x) ? "bins" : "values";
      effects.add(new ParameterEffect(name, kind, bins));
      double between = 0;
      for (EffectBin b : bins) {
        between += b.count() * (b.meanValBpb() - mean) * (b.meanValBpb() - mean);
      }
      parameters.add(name);
      explained.add(new double[] {total > 0 ? between / total : 0.0});
    }
    double sum = explained.stream().mapToDouble(e -> e[0]).sum();
    List<ParameterImportance> importance = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      double v = explained.get(i)[0];
      importance.add(new ParameterImportance(parameters.get(i), v, sum > 0 ? v / sum : 0.0));
    }
    importance.sort(Comparator.comparingDouble(ParameterImportance::importance).reversed());
    return new Aggregate(top, effects, importance);
  }

  private static boolean isBinned(Object[] x) {
    Set<Object> distinct = new java.util.HashSet<>();
    for (Object v : x) {
      if (!(v instanceof Number)) {
        return false;
      }
      distinct.add(v);
      if (distinct.size() > MAX_VALUES) {
        return true;
      }
    }
    return false;
  }

  /** The groups of a parameter's values (by value, or quantile bins), with y's mean per group. */
  static List<EffectBin> groups(Object[] x, double[] y, int[] group) {
    int n = x.length;
    List<EffectBin> out = new ArrayList<>();
    if (n == 0) {
      return out;
    }
    if (isBinned(x)) {
      // quantile edges from the sorted values; a row's bin by binary search over the edges, so
      // equal values always share a bin
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        v[i] = ((Number) x[i]).doubleValue();
      }
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      double[] edges = new double[BINS];
      int bins = 0;
      for (int b = 0; b < BINS; b++) {
        double edge = sorted[(int) Math.min(n - 1, (long) n * (b + 1) / BINS - 1)];
        if (b == BINS - 1) {
          edge = sorted[n - 1];
        }
        if (bins == 0 || edge > edges[bins - 1]) {
          edges[bins++] = edge;
        }
      }
      long[] count = new long[bins];
      double[] sum = new double[bins];
      double[] min = new double[bins];
      double[] low = new double[bins];
      double[] high = new double[bins];
      Arrays.fill(min, Double.POSITIVE_INFINITY);
      Arrays.fill(low, Double.POSITIVE_INFINITY);
      Arrays.fill(high, Double.NEGATIVE_INFINITY);
      for (int i = 0; i < n; i++) {
        int b = Arrays.binarySearch(edges, 0, bins, v[i]);
        if (b < 0) {
          b = -b - 1;
        }
        group[i] = b;
        count[b]++;
        sum[b] += y[i];
        min[b] = Math.min(min[b], y[i]);
        low[b] = Math.min(low[b], v[i]);
        high[b] = Math.max(high[b], v[i]);
      }
      for (int b = 0; b < bins; b++) {
        if (count[b] > 0) {
          out.add(
              new EffectBin(
                  "[" + format(low[b]) + ", " + format(high[b]) + "]",
                  low[b],
                  high[b],
                  count[b],
                  sum[b] / count[b],
                  min[b]));
        }
      }
      return out;
    }
    TreeMap<Object, double[]> byValue = new TreeMap<>(ResultsAggregator::compareValues);
    for (int i = 0; i < n; i++) {
      if (x[i] == null) {
        continue;
      }
      double[] acc = byValue.computeIfAbsent(x[i], key -> new double[] {0, 0, Double.MAX_VALUE});
      acc[0]++;
      acc[1] += y[i];
      acc[2] = Math.min(acc[2], y[i]);
    }
    byValue.forEach(
        (value, acc) -> {
          Double d = value instanceof Number num ? num.doubleValue() : null;
          out.add(
              new EffectBin(String.valueOf(value), d, d, (long) acc[0], acc[1] / acc[0], acc[2]));
        });
    return out;
  }

  private static int compareValues(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number z) {
      return Double.compare(x.doubleValue(), z.doubleValue());
    }
    return String.valueOf(a).compareTo(String.valueOf(b));
  }

  private static String format(double v) {
    return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6
        ? String.valueOf(Math.round(v * 1e6) / 1e6)
        : String.format(java.util.Locale.ROOT, "%.3g", v);
  }
}
