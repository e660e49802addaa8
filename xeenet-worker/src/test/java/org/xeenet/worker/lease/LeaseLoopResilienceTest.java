package org.xeenet.worker.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xeenet.api.TaskResult;
import org.xeenet.api.WorkerRegistration;
import org.xeenet.worker.client.Backoff;
import org.xeenet.worker.client.CredentialStore;
import org.xeenet.worker.client.XeeNetClient;
import org.xeenet.worker.dataset.DatasetCache;
import org.xeenet.worker.device.DeviceProfiler;
import org.xeenet.worker.device.NativesProbe;
import org.xeenet.worker.trainer.ChildJvm;
import org.xeenet.worker.trainer.TrainerEvents;

/** The lease loop against a fake 127.0.0.1 server: outage, cancel, Ctrl-C, allow-list. */
class LeaseLoopResilienceTest {
  static final WorkerRegistration REG =
      new WorkerRegistration(
          "test",
          DeviceProfiler.profile(null, 1234.5),
          DeviceProfiler.capability(new NativesProbe.Outcome(true, "2.7.1", 0, null)));

  static LeaseLoop loop(Path dir, XeeNetClient client) {
    return new LeaseLoop(
        new LeaseLoop.Settings(1, 1, false, true, false, null, dir.resolve("work")),
        client,
        new CredentialStore(dir.resolve("cfg")),
        new DatasetCache(dir.resolve("work")),
        ChildJvm.fromCodeSource(2),
        () -> REG,
        new Backoff(3, 200, 1000));
  }

  static TaskResult only(FakeServer s) {
    assertThat(s.results).hasSize(1);
    return TrainerEvents.jsonb().fromJson(s.results.get(0), TaskResult.class);
  }

  @Test
  void serverDownMidTaskResultDeliveredWhenItReturns(@TempDir Path dir) throws Exception {
    try (FakeServer s = new FakeServer();
        XeeNetClient client = new XeeNetClient(s.url())) {
      s.downOnFirstHeartbeat.set(true);
      LeaseLoop loop = loop(dir, client);
      CompletableFuture<Integer> run =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return loop.run();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      // the task ends while the server is down: its result waits in the outbox
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (loop.outbox().pending(client.server()).isEmpty() && System.nanoTime() < until) {
        Thread.sleep(100);
      }
      assertThat(loop.outbox().pending(client.server())).hasSize(1);
      assertThat(s.results).isEmpty();
      assertThat(run).isNotDone();
      s.restart();
      assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
      TaskResult r = only(s);
      assertThat(r.status()).isEqualTo(TaskResult.COMPLETED);
      assertThat(r.valBpb()).isFinite();
      assertThat(loop.outbox().pending(client.server())).isEmpty();
      assertThat(loop.submitted()).isEqualTo(1);
      // registration carried the start-up benchmark
      assertThat(s.registrations.get(0)).contains("\"benchmark_tokens_per_s\":1234.5");
    }
  }

  @Test
  void cancelInAHeartbeatStopsTheChildAtOnce(@TempDir Path dir) throws Exception {
    try (FakeServer s = new FakeServer();
        XeeNetClient client = new XeeNetClient(s.url())) {
      s.budget = 120;
      s.cancel.set(true);
      long t0 = System.nanoTime();
      assertThat(loop(dir, client).run()).isZero();
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(60);
      TaskResult r = only(s);
      assertThat(r.status()).isEqualTo(TaskResult.FAILED);
      assertThat(r.error()).isEqualTo("cancelled by server");
    }
  }

  @Test
  void ctrlCOnceReportsAPartialResult(@TempDir Path dir) throws Exception {
    try (FakeServer s = new FakeServer();
        XeeNetClient client = new XeeNetClient(s.url())) {
      s.budget = 120;
      LeaseLoop loop = loop(dir, client);
      CompletableFuture<Integer> run =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return loop.run();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      // a heartbeat reported steps: the trainer is in its loop
      while (!s.trainingSeen.get() && !run.isDone()) {
        Thread.sleep(100);
      }
      loop.requestStop();
      assertThat(run.get(60, TimeUnit.SECONDS)).isZero();
      TaskResult r = only(s);
      assertThat(r.status()).isEqualTo(TaskResult.FAILED);
      assertThat(r.error()).startsWith("interrupted on the worker after");
      assertThat(r.stepsCompleted()).isPositive();
      assertThat(r.valBpb()).as("quick evaluation of the partial model").isFinite();
    }
  }

  @Test
  void ctrlCTwiceAbandonsWithoutSubmitting(@TempDir Path dir) throws Exception {
    try (FakeServer s = new FakeServer();
        XeeNetClient client = new XeeNetClient(s.url())) {
      s.budget = 120;
      LeaseLoop loop = loop(dir, client);
      CompletableFuture<Integer> run =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return loop.run();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      while (s.heartbeats.get() == 0 && !run.isDone()) {
        Thread.sleep(100);
      }
      loop.requestStop();
      loop.abandon();
      assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
      assertThat(s.results).isEmpty();
    }
  }

  @Test
  void unknownCodePackageIsRefused(@TempDir Path dir) throws Exception {
    try (FakeServer s = new FakeServer();
        XeeNetClient client = new XeeNetClient(s.url())) {
      s.codePackage = "https://evil.example/payload.jar";
      assertThat(loop(dir, client).run()).isZero();
      TaskResult r = only(s);
      assertThat(r.status()).isEqualTo(TaskResult.FAILED);
      assertThat(r.error()).contains("not allowed").contains("builtin:char-lm/1");
      assertThat(r.stepsCompleted()).isZero();
      assertThat(s.heartbeats.get()).isZero();
    }
  }
}
