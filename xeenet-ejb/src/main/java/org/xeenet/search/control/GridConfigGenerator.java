package org.xeenet.search.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xeenet.search.control.CharLMConfigGenerator.GeneratedConfig;

/**
 * Grid search: every combination of the parameters' levels. A fixed parameter has one level, a
 * choice all its values, a range {@link #RANGE_LEVELS} levels (low, middle, high; log-spaced for a
 * log range, distinct whole numbers for an integer range). {@code n_head} and {@code n_embd} form
 * one axis of their valid pairs (width a multiple of the heads), so no grid point is repaired.
 *
 * <p>{@code num_tasks} caps the grid: task {@code i} takes grid point {@code p(i mod G)} where
 * {@code G} is the grid's size and {@code p(j) = (a·j + c) mod G} a permutation drawn from the
 * campaign seed ({@code a} coprime to {@code G}). With {@code num_tasks < G} the campaign runs a
 * seeded subset of the grid, spread over it rather than the first rows of one corner; with {@code
 * num_tasks ≥ G} every point runs, and the points repeat with new seeds (replicates). Any index
 * costs O(parameters), so a 100,000-task brief expands without materialising the grid.
 */
public final class GridConfigGenerator implements ConfigSampler {
  public static final int RANGE_LEVELS = 3;
  private static final String HEADS = "n_head";
  private static final String WIDTH = "n_embd";

  private final CharLMSearchSpace space;
  private final CharLMConfigGenerator seeds;
  private final List<String> axes = new ArrayList<>();
  private final List<List<?>> levels = new ArrayList<>();
  private final long size;
  private final long multiplier;
  private final long offset;

  public GridConfigGenerator(CharLMSearchSpace space, long campaignSeed) {
    this.space = space;
    this.seeds = new CharLMConfigGenerator(space, campaignSeed);
    long g = 1;
    for (Map.Entry<String, ParameterDomain> e : space.domains().entrySet()) {
      String name = e.getKey();
      if (name.equals(WIDTH)) {
        continue;
      }
      List<?> values;
      if (name.equals(HEADS)) {
        values = space.headWidthPairs();
      } else {
        values = e.getValue().levels(RANGE_LEVELS);
      }
      axes.add(name);
      levels.add(values);
      g = Math.multiplyExact(g, values.size());
    }
    this.size = g;
    java.util.SplittableRandom random =
        new java.util.SplittableRandom(CharLMConfigGenerator.mix(campaignSeed ^ 0x6a1dL));
    long a = size <= 1 ? 1 : 1 + random.nextLong(size - 1);
    while (gcd(a, size) != 1) {
      a = a + 1 >= size ? 1 : a + 1;
    }
    this.multiplier = a;
    this.offset = size <= 1 ? 0 : random.nextLong(size);
  }

  /** The number of distinct grid points. */
  public long size() {
    return size;
  }

  @Override
  public GeneratedConfig generate(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative");
    }
    long j = index % size;
    long position = Math.floorMod(multiplyMod(multiplier, j, size) + offset, size);
    Map<String, Object> values = new LinkedHashMap<>();
    long rest = position;
    for (int axis = axes.size() - 1; axis >= 0; axis--) {
      List<?> options = levels.get(axis);
      int k = (int) (rest % options.size());
      rest /= options.size();
      Object value = options.get(k);
      if (axes.get(axis).equals(HEADS)) {
        int[] pair = (int[]) value;
        values.put(HEADS, pair[0]);
        values.put(WIDTH, pair[1]);
      } else {
        values.put(axes.get(axis), value);
      }
    }
    Map<String, Object> config = new LinkedHashMap<>();
    for (String name : space.domains().keySet()) {
      config.put(name, values.get(name));
    }
    return new GeneratedConfig(index, seeds.seedOf(index), config);
  }

  private static long multiplyMod(long a, long b, long m) {
    long high = Math.multiplyHigh(a, b);
    if (high == 0 && a * b >= 0) {
      return (a * b) % m;
    }
    return java.math.BigInteger.valueOf(a)
        .multiply(java.math.BigInteger.valueOf(b))
        .mod(java.math.BigInteger.valueOf(m))
        .longValue();
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return Math.abs(a);
  }
}
