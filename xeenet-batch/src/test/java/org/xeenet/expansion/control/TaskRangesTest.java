package org.xeenet.expansion.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskRangesTest {
  @Test
  void rangesAreContiguousDisjointAndCoverEveryIndex() {
    for (int total : new int[] {0, 1, 1999, 4000, 4001, 100_000, 99_999}) {
      for (int parts = 1; parts <= 4; parts++) {
        int[][] ranges = TaskRanges.split(total, parts, 2000);
        assertThat(ranges.length).isBetween(1, parts);
        assertThat(ranges[0][0]).isZero();
        for (int i = 1; i < ranges.length; i++) {
          assertThat(ranges[i][0]).isEqualTo(ranges[i - 1][1]);
        }
        assertThat(ranges[ranges.length - 1][1]).isEqualTo(total);
      }
    }
    assertThat(TaskRanges.split(100_000, 2, 2000)).hasDimensions(2, 2);
    assertThat(TaskRanges.split(3_000, 2, 2000)).hasDimensions(1, 2);
  }
}
