package org.xeenet.worker.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.TaskResult;

class TrainerEventsTest {
  @Test
  void parsesProgressLines() {
    TrainerEvents.Event e =
        TrainerEvents.parse(
            "{\"event\":\"progress\",\"step\":120,\"elapsed_s\":3.5,\"train_loss\":2.41,\"val_bpb\":3.1}");
    assertThat(e).isInstanceOf(TrainerEvents.Progress.class);
    TrainerEvents.Progress p = (TrainerEvents.Progress) e;
    assertThat(p.step()).isEqualTo(120);
    assertThat(p.elapsedS()).isEqualTo(3.5);
    assertThat(p.trainLoss()).isEqualTo(2.41);
    assertThat(p.valBpb()).isEqualTo(3.1);
  }

  @Test
  void resultLineRoundTrips() {
    TaskResult r =
        new TaskResult(
            "t1",
            2.5,
            1.8,
            300L,
            12.5,
            "cpu",
            TaskResult.COMPLETED,
            null,
            false,
            1000L,
            List.of(new CurvePoint(10L, 1.0, 3.0, null)));
    String line = TrainerEvents.resultLine(r, "budget");
    assertThat(line).startsWith("{\"event\":\"result\",\"stop_reason\":\"budget\",");
    TrainerEvents.Result parsed = (TrainerEvents.Result) TrainerEvents.parse(line);
    assertThat(parsed.stopReason()).isEqualTo("budget");
    assertThat(parsed.result()).isEqualTo(r);
  }

  @Test
  void ignoresOtherLines() {
    assertThat(TrainerEvents.parse("WARNING something")).isNull();
    assertThat(TrainerEvents.parse("{\"event\":\"other\"}")).isNull();
    assertThat(TrainerEvents.parse("{not json}")).isNull();
    assertThat(TrainerEvents.parse(null)).isNull();
  }

  @Test
  void progressLineIsParsable() {
    String line = TrainerEvents.progressLine(5, 1.23456, 2.0, null, 0.001, 1000.0);
    assertThat(line).doesNotContain("val_bpb");
    assertThat(((TrainerEvents.Progress) TrainerEvents.parse(line)).elapsedS()).isEqualTo(1.235);
  }

  @Test
  void lrScheduleWarmsUpThenDecaysToTenPercent() {
    LrSchedule s = new LrSchedule(1e-3, 10, null, 100);
    assertThat(s.lr(1, 0)).isEqualTo(1e-4);
    assertThat(s.lr(10, 0.5)).isEqualTo(1e-3);
    assertThat(s.lr(11, 0)).isEqualTo(1e-3);
    assertThat(s.lr(500, 50)).isCloseTo(0.55e-3, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(s.lr(900, 100)).isCloseTo(1e-4, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(new LrSchedule(1e-3, 0, 100L, 1000).progress(50, 1)).isEqualTo(0.5);
  }

  @Test
  void causalMaskBlocksTheFuture() {
    float[] m = CausalSelfAttention.causalMask(3);
    assertThat(m).containsExactly(0, -1e9f, -1e9f, 0, 0, -1e9f, 0, 0, 0);
  }
}
