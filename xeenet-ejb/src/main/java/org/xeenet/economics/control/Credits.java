package org.xeenet.economics.control;

/**
 * Credits are kept as whole millicredits (1 credit = 1000) so that the postings of a transaction
 * sum to exactly zero; the API shows credits with three decimals.
 */
public final class Credits {
  public static final long MILLI = 1000;

  private Credits() {}

  /** Credits to millicredits, rounded half up. */
  public static long toMilli(double credits) {
    if (!Double.isFinite(credits)) {
      throw new IllegalArgumentException("credits must be finite: " + credits);
    }
    return Math.round(credits * MILLI);
  }

  public static double fromMilli(long milli) {
    return milli / (double) MILLI;
  }
}
