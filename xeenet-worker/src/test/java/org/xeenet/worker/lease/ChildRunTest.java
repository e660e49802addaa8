package org.xeenet.worker.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xeenet.api.TaskResult;
import org.xeenet.worker.trainer.ChildJvm;
import org.xeenet.worker.trainer.TestData;
import org.xeenet.worker.trainer.TrainerEvents;
import org.xeenet.worker.trainer.TrainerJob;
import org.xeenet.worker.trainer.TrainerMain;

/** Runs the real trainer child JVM from the built classes. */
class ChildRunTest {
  static Path writeJob(Path dir, TrainerJob job) throws Exception {
    Path f = dir.resolve("job.json");
    Files.writeString(f, TrainerEvents.jsonb().toJson(job));
    return f;
  }

  @Test
  void parentParsesACompletedResult(@TempDir Path dir) throws Exception {
    Path job = writeJob(dir, TestData.tinyJob("t-child", 3));
    AtomicInteger progress = new AtomicInteger();
    ChildRun run =
        new ChildRun(
            ChildJvm.fromCodeSource(2), Deadlines.forBudget(3), "t-child", "--job", job.toString());
    ChildOutcome o =
        run.run(p -> progress.incrementAndGet(), (last, el) -> ChildOutcome.StopCause.NONE);
    assertThat(o.exitCode()).isZero();
    assertThat(o.cause()).isEqualTo(ChildOutcome.StopCause.NONE);
    assertThat(o.result()).isNotNull();
    assertThat(o.stopReason()).isEqualTo("budget");
    assertThat(progress.get()).isPositive();
    TaskResult r = ResultRules.toSubmit("t-child", o, 256);
    assertThat(r.status()).isEqualTo(TaskResult.COMPLETED);
    assertThat(r.valBpb()).isFinite();
    assertThat(r.stepsCompleted()).isPositive();
  }

  @Test
  void hardDeadlineKillsAChildThatIgnoresSigterm(@TempDir Path dir) throws Exception {
    Path job = writeJob(dir, TestData.tinyJob("t-stubborn", 60));
    // test-only mode: the child's SIGTERM hook never lets it exit; only SIGKILL ends it
    ChildJvm stubborn =
        ChildJvm.fromCodeSource(2)
            .withJvmArgs("-D" + TrainerMain.IGNORE_SIGTERM_PROPERTY + "=true");
    ChildRun run =
        new ChildRun(stubborn, new Deadlines(2, 2), "t-stubborn", "--job", job.toString());
    long t0 = System.nanoTime();
    ChildOutcome o = run.run(null, null);
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20);
    assertThat(o.cause()).isEqualTo(ChildOutcome.StopCause.HARD_DEADLINE);
    assertThat(o.exitCode()).as("killed by a signal").isNotZero();
    assertThat(o.result()).isNull();
    TaskResult r = ResultRules.toSubmit("t-stubborn", o, 256);
    assertThat(r.status()).isEqualTo(TaskResult.TIMED_OUT);
  }

  @Test
  void hardDeadlineKillsTheChild(@TempDir Path dir) throws Exception {
    // budget 60 s, but grace overridden so the hard deadline falls after ~4 s
    Path job = writeJob(dir, TestData.tinyJob("t-kill", 60));
    Deadlines d = new Deadlines(2, 2);
    ChildRun run = new ChildRun(ChildJvm.fromCodeSource(2), d, "t-kill", "--job", job.toString());
    long t0 = System.nanoTime();
    ChildOutcome o = run.run(null, null);
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(15);
    assertThat(o.cause()).isEqualTo(ChildOutcome.StopCause.HARD_DEADLINE);
    TaskResult r = ResultRules.toSubmit("t-kill", o, 256);
    assertThat(r.status()).isEqualTo(TaskResult.TIMED_OUT);
    assertThat(r.valBpb()).isNull();
  }
}
