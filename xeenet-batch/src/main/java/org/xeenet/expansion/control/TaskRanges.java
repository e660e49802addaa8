package org.xeenet.expansion.control;

/** Contiguous, disjoint ranges {@code [first, end)} covering the task indexes 0 … total − 1. */
final class TaskRanges {
  /** Fewer tasks than this per partition are not worth a thread of their own. */
  static final int MIN_PER_PARTITION = 2_000;

  private TaskRanges() {}

  /** At most {@code parts} ranges of at least {@code minimum} tasks (one range when total is 0). */
  static int[][] split(int total, int parts, int minimum) {
    int n = Math.max(1, Math.min(parts, total / Math.max(1, minimum)));
    int[][] ranges = new int[n][];
    int first = 0;
    for (int i = 0; i < n; i++) {
      int size = total / n + (i < total % n ? 1 : 0);
      ranges[i] = new int[] {first, first + size};
      first += size;
    }
    return ranges;
  }
}
