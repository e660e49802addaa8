package org.xeenet.portal.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {

  private static Map<String, Long> counts(
      long queued, long leased, long valid, long invalid, long failed, long cancelled) {
    Map<String, Long> c = new LinkedHashMap<>();
    c.put("QUEUED", queued);
    c.put("LEASED", leased);
    c.put("SUBMITTED", 0L);
    c.put("VALID", valid);
    c.put("INVALID", invalid);
    c.put("FAILED", failed);
    c.put("CANCELLED", cancelled);
    return c;
  }

  @Test
  void finishedTasksAreThoseWithAFinalStatus() {
    Progress p = Progress.of(counts(30, 2, 6, 1, 1, 0), 40);
    assertThat(p.total()).isEqualTo(40);
    assertThat(p.finished()).isEqualTo(8);
    assertThat(p.percent()).isEqualTo(20);
    assertThat(p.fraction()).isEqualTo("8/40");
    assertThat(p.line()).isEqualTo("queued 30 · leased 2 · valid 6 · invalid 1 · failed 1");
  }

  @Test
  void cancelledTasksCountAsFinishedAndAreShownWhenAny() {
    Progress p = Progress.of(counts(0, 0, 1, 0, 0, 3), 4);
    assertThat(p.percent()).isEqualTo(100);
    assertThat(p.line()).endsWith("· cancelled 3");
  }

  @Test
  void whileExpandingThePlannedNumberIsTheTotal() {
    Progress p = Progress.of(Map.of(), 20);
    assertThat(p.total()).isEqualTo(20);
    assertThat(p.percent()).isZero();
    assertThat(p.fraction()).isEqualTo("0/20");
    assertThat(p.count("QUEUED")).isZero();
  }

  @Test
  void noTasksAtAllIsZeroPercent() {
    assertThat(Progress.of(null, 0).percent()).isZero();
  }
}
