package org.xeenet.search.control;

/**
 * The Sobol' low-discrepancy sequence in up to {@link #MAX_DIMENSIONS} dimensions, 32 bits per
 * coordinate, with an optional digital shift (XOR of each coordinate with a random 32-bit word).
 *
 * <p>Direction numbers: S. Joe and F. Y. Kuo, "Constructing Sobol sequences with better
 * two-dimensional projections", SIAM J. Sci. Comput. 30 (2008) 2635–2654, file {@code
 * new-joe-kuo-6.21201}, dimensions 2–13 (dimension 1 is the van der Corput sequence). Point {@code
 * i} is computed directly from the Gray code of {@code i}, so any index costs O(bits × dims). A
 * digital shift keeps the sequence's net properties, so a campaign seed gives each campaign its
 * own, equally well spread, point set.
 */
public final class SobolSequence {
  public static final int MAX_DIMENSIONS = 13;
  private static final int BITS = 32;

  /** {s, a, m_1 … m_s} for dimensions 2 … 13 (Joe–Kuo, new-joe-kuo-6.21201). */
  private static final int[][] JOE_KUO = {
    {1, 0, 1},
    {2, 1, 1, 3},
    {3, 1, 1, 3, 1},
    {3, 2, 1, 1, 1},
    {4, 1, 1, 1, 3, 3},
    {4, 4, 1, 3, 5, 13},
    {5, 2, 1, 1, 5, 5, 17},
    {5, 4, 1, 1, 5, 5, 5},
    {5, 7, 1, 1, 7, 11, 19},
    {5, 11, 1, 1, 5, 1, 1},
    {5, 13, 1, 1, 1, 3, 11},
    {5, 14, 1, 3, 5, 5, 31},
  };

  private final int dimensions;
  private final long[][] directions;
  private final long[] shift;

  /** The unshifted sequence. */
  public SobolSequence(int dimensions) {
    this(dimensions, null);
  }

  /** The sequence shifted digitally by words drawn from {@code seed}; null for no shift. */
  public SobolSequence(int dimensions, Long seed) {
    if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
      throw new IllegalArgumentException(
          "1 to " + MAX_DIMENSIONS + " dimensions, not " + dimensions);
    }
    this.dimensions = dimensions;
    this.directions = new long[dimensions][BITS + 1];
    for (int k = 1; k <= BITS; k++) {
      directions[0][k] = 1L << (BITS - k);
    }
    for (int d = 1; d < dimensions; d++) {
      int[] row = JOE_KUO[d - 1];
      int s = row[0];
      int a = row[1];
      long[] v = directions[d];
      for (int k = 1; k <= Math.min(s, BITS); k++) {
        v[k] = ((long) row[1 + k]) << (BITS - k);
      }
      for (int k = s + 1; k <= BITS; k++) {
        long value = v[k - s] ^ (v[k - s] >>> s);
        for (int i = 1; i < s; i++) {
          if (((a >>> (s - 1 - i)) & 1) == 1) {
            value ^= v[k - i];
          }
        }
        v[k] = value;
      }
    }
    this.shift = new long[dimensions];
    if (seed != null) {
      java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
      for (int d = 0; d < dimensions; d++) {
        shift[d] = random.nextLong() & 0xffffffffL;
      }
    }
  }

  public int dimensions() {
    return dimensions;
  }

  /** Point {@code index} (0 is the origin of the unshifted sequence), coordinates in [0, 1). */
  public double[] point(long index) {
    if (index < 0 || index >= (1L << BITS)) {
      throw new IllegalArgumentException("index out of range: " + index);
    }
    long gray = index ^ (index >>> 1);
    double[] x = new double[dimensions];
    for (int d = 0; d < dimensions; d++) {
      long word = shift[d];
      long g = gray;
      for (int k = 1; g != 0; k++, g >>>= 1) {
        if ((g & 1) == 1) {
          word ^= directions[d][k];
        }
      }
      x[d] = word / (double) (1L << BITS);
    }
    return x;
  }
}
