package org.xeenet.worker.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xeenet.worker.cli.InterruptHandler;

class VolunteerControlsTest {
  @Test
  void scheduleWindowsWrapMidnight() {
    Schedule night = Schedule.parse("22:00-07:00");
    assertThat(night.allows(LocalTime.of(23, 30))).isTrue();
    assertThat(night.allows(LocalTime.of(6, 59))).isTrue();
    assertThat(night.allows(LocalTime.of(7, 0))).isFalse();
    assertThat(night.allows(LocalTime.of(12, 0))).isFalse();
    Schedule day = Schedule.parse("9:00-17:30");
    assertThat(day.allows(LocalTime.of(9, 0))).isTrue();
    assertThat(day.allows(LocalTime.of(17, 30))).isFalse();
    assertThat(Schedule.parse("00:00-00:00").allows(LocalTime.NOON)).isTrue();
    assertThatThrownBy(() -> Schedule.parse("late")).hasMessageContaining("22:00-07:00");
  }

  @Test
  void pauseScheduleAndIdleHoldLeasing(@TempDir Path cfg) throws Exception {
    AtomicReference<LocalTime> now = new AtomicReference<>(LocalTime.of(23, 0));
    double[] load = {0.1};
    VolunteerControls c =
        new VolunteerControls(cfg, Schedule.parse("22:00-07:00"), 0.5, now::get, () -> load[0]);
    assertThat(c.get()).isNull();
    Files.writeString(VolunteerControls.pauseFile(cfg), "x");
    assertThat(c.get()).startsWith("paused");
    Files.delete(VolunteerControls.pauseFile(cfg));
    now.set(LocalTime.NOON);
    assertThat(c.get()).startsWith("outside the schedule");
    now.set(LocalTime.of(1, 0));
    load[0] = 0.9;
    assertThat(c.get()).startsWith("machine busy");
    load[0] = 0.2;
    assertThat(c.get()).isNull();
  }

  @Test
  void ctrlCOnceIsGracefulTwiceAbandons() {
    int[] graceful = {0};
    int[] abandon = {0};
    InterruptHandler h = new InterruptHandler(() -> graceful[0]++, () -> abandon[0]++);
    assertThat(h.onInterrupt()).isEqualTo(1);
    assertThat(graceful[0]).isEqualTo(1);
    assertThat(abandon[0]).isZero();
    h.onInterrupt();
    assertThat(abandon[0]).isEqualTo(1);
    h.onInterrupt();
    assertThat(graceful[0]).isEqualTo(1);
    assertThat(abandon[0]).isEqualTo(1);
    assertThat(CodePackages.allowed("builtin:char-lm/1")).isTrue();
    assertThat(CodePackages.allowed("builtin:char-lm/2")).isFalse();
    assertThat(CodePackages.allowed("https://evil.example/x.jar")).isFalse();
    assertThat(CodePackages.allowed(null)).isFalse();
  }
}
