package org.xeenet.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xeenet.api.ResultAck;
import org.xeenet.api.TaskResult;
import org.xeenet.worker.lease.VolunteerControls;
import org.xeenet.worker.lease.WorkerStatus;
import picocli.CommandLine;

/** pause / resume / status from a second terminal, and the size and schedule options. */
class VolunteerCommandsTest {
  @Test
  void pauseResumeAndStatus(@TempDir Path cfg) {
    String dir = cfg.toString();
    assertThat(new CommandLine(new WorkerMain()).execute("pause", "--config-dir", dir)).isZero();
    assertThat(VolunteerControls.pauseFile(cfg)).exists();
    assertThat(new VolunteerControls(cfg, null, null).get()).startsWith("paused");
    assertThat(new CommandLine(new WorkerMain()).execute("resume", "--config-dir", dir)).isZero();
    assertThat(VolunteerControls.pauseFile(cfg)).doesNotExist();

    assertThat(new CommandLine(new WorkerMain()).execute("status", "--config-dir", dir))
        .as("no worker has run yet")
        .isEqualTo(1);
    WorkerStatus s = new WorkerStatus(cfg, "http://127.0.0.1:1");
    s.update("idle", null, 2, 1, 1);
    s.delivered(
        new TaskResult(
            "t9", 2.4, 1.6, 10L, 1.0, "cpu", TaskResult.COMPLETED, null, false, 100L, List.of()),
        new ResultAck(true, "submitted"));
    String text = WorkerStatus.read(cfg);
    assertThat(text).contains("\"tasks_done\":2").contains("\"task_id\":\"t9\"");
    assertThat(new CommandLine(new WorkerMain()).execute("status", "--config-dir", dir)).isZero();
  }

  @Test
  void sizes() {
    assertThat(RunCommand.parseSize("2g")).isEqualTo(2L << 30);
    assertThat(RunCommand.parseSize("1500m")).isEqualTo(1500L << 20);
    assertThat(RunCommand.parseSize("4096")).isEqualTo(4096);
  }
}
