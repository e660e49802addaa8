package org.xeenet.worker.lease;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xeenet.api.Heartbeat;
import org.xeenet.api.HeartbeatAck;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.ResultAck;
import org.xeenet.api.TaskResult;
import org.xeenet.api.TaskSpec;
import org.xeenet.api.WorkerCredentials;
import org.xeenet.api.WorkerRegistration;
import org.xeenet.worker.client.ApiException;
import org.xeenet.worker.client.Backoff;
import org.xeenet.worker.client.CredentialStore;
import org.xeenet.worker.client.XeeNetClient;
import org.xeenet.worker.dataset.DatasetCache;
import org.xeenet.worker.trainer.ChildJvm;
import org.xeenet.worker.trainer.TrainerConfig;
import org.xeenet.worker.trainer.TrainerEvents;
import org.xeenet.worker.trainer.TrainerJob;

/**
 * The worker's main loop: register (once per server), then lease → dataset → child trainer with
 * heartbeats → submit, until {@code maxTasks} results were submitted or the JVM shuts down.
 */
public final class LeaseLoop {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseLoop.class);

  /** Settings of one loop. {@code maxTasks} null = run until stopped. */
  public record Settings(
      Integer maxTasks,
      double pollIntervalSeconds,
      boolean simulate,
      boolean nativesOk,
      boolean progressBar,
      Double graceOverrideSeconds,
      Path workDir) {}

  private final Settings settings;
  private final XeeNetClient client;
  private final CredentialStore store;
  private final DatasetCache cache;
  private final ChildJvm jvm;
  private final Supplier<WorkerRegistration> registration;
  private final Backoff backoff;
  private volatile boolean stopping;
  private volatile ChildRun current;
  private volatile Thread loopThread;
  private final CountDownLatch finished = new CountDownLatch(1);
  private WorkerCredentials creds;
  private int submitted;

  public LeaseLoop(
      Settings settings,
      XeeNetClient client,
      CredentialStore store,
      DatasetCache cache,
      ChildJvm jvm,
      Supplier<WorkerRegistration> registration,
      Backoff backoff) {
    this.settings = settings;
    this.client = client;
    this.store = store;
    this.cache = cache;
    this.jvm = jvm;
    this.registration = registration;
    this.backoff = backoff;
  }

  /** Number of results submitted (accepted or answered 409) so far. */
  public int submitted() {
    return submitted;
  }

  /** Runs until done; returns the process exit code. */
  public int run() throws InterruptedException, IOException {
    loopThread = Thread.currentThread();
    try {
      creds = credentials();
      while (!stopping && (settings.maxTasks() == null || submitted < settings.maxTasks())) {
        XeeNetClient.LeaseOutcome outcome;
        try {
          outcome = authorised(() -> client.lease(creds));
        } catch (RuntimeException e) {
          LOG.warn("lease poll failed: {}", e.toString());
          pause(settings.pollIntervalSeconds());
          continue;
        }
        if (!outcome.granted()) {
          Long ra = outcome.retryAfterSeconds();
          double wait =
              ra == null
                  ? settings.pollIntervalSeconds()
                  : Math.min(Math.max(ra, 0.2), settings.pollIntervalSeconds());
          LOG.debug("no work; polling again in {} s", wait);
          pause(wait);
          continue;
        }
        if (runTask(outcome.grant())) {
          submitted++;
          LOG.info(
              "{} result(s) submitted{}",
              submitted,
              settings.maxTasks() == null ? "" : " of " + settings.maxTasks());
        }
      }
      return 0;
    } finally {
      finished.countDown();
    }
  }

  /** From a shutdown hook: stop the current child cleanly, let the loop submit, then return. */
  public void shutdown(long waitMillis) {
    stopping = true;
    ChildRun c = current;
    if (c != null) {
      LOG.info("shutting down: stopping the current trainer");
      c.requestStop(ChildOutcome.StopCause.SHUTDOWN);
    } else if (loopThread != null) {
      loopThread.interrupt();
    }
    try {
      finished.await(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private WorkerCredentials credentials() throws IOException {
    WorkerCredentials stored = store.load(client.server());
    if (stored != null && stored.workerId() != null && stored.token() != null) {
      LOG.info("using stored credentials for worker {} at {}", stored.workerId(), client.server());
      return stored;
    }
    return register();
  }

  private WorkerCredentials register() throws IOException {
    WorkerRegistration reg = registration.get();
    WorkerCredentials c;
    try {
      c = backoff.call("register", () -> client.register(reg));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while registering", e);
    }
    store.save(client.server(), c);
    LOG.info(
        "registered as worker {} at {} (credentials in {})",
        c.workerId(),
        client.server(),
        store.file());
    return c;
  }

  /** Runs a call; on 401 registers again once and repeats it. */
  private <T> T authorised(Supplier<T> call) {
    try {
      return call.get();
    } catch (ApiException e) {
      if (!e.unauthorized()) {
        throw e;
      }
      LOG.warn("stored token rejected (401): registering again");
      try {
        store.remove(client.server());
        creds = register();
      } catch (IOException io) {
        throw new IllegalStateException("re-registration failed: " + io.getMessage(), io);
      }
      return call.get();
    }
  }

  /** Returns true when a result was submitted (or the server already had one: 409). */
  boolean runTask(LeaseGrant grant) throws InterruptedException {
    TaskSpec task = grant.task();
    String label =
        "task=" + task.taskId() + " lease=" + grant.leaseId() + " campaign=" + task.campaignId();
    double budget = task.timeBudget() == null || task.timeBudget() <= 0 ? 60 : task.timeBudget();
    LOG.info("[{}] leased; budget {} s, lease expires {}", label, budget, grant.leaseExpiresAt());
    long tokensPerStep = tokensPerStep(task.config());
    TaskResult result;
    Path datasetPath;
    try {
      datasetPath = dataset(task);
    } catch (IOException | RuntimeException e) {
      LOG.error("[{}] dataset unavailable: {}", label, e.getMessage());
      return submit(label, grant, failed(task, "dataset download failed: " + e.getMessage()));
    }
    if (!settings.nativesOk()) {
      LOG.warn("[{}] libtorch unavailable: producing a SIMULATED result (simulated=true)", label);
      long seed = task.seeds() == null || task.seeds().isEmpty() ? 0 : task.seeds().get(0);
      return submit(
          label, grant, SimulatedTraining.result(task.taskId(), task.config(), seed, budget));
    }
    Path jobFile = null;
    try {
      jobFile = writeJob(task, budget, datasetPath);
      Deadlines deadlines = Deadlines.forBudget(budget);
      if (settings.graceOverrideSeconds() != null) {
        deadlines = deadlines.withGrace(settings.graceOverrideSeconds());
      }
      ChildRun run = new ChildRun(jvm, deadlines, label, "--job", jobFile.toString());
      current = run;
      if (stopping) {
        run.requestStop(ChildOutcome.StopCause.SHUTDOWN);
      }
      HeartbeatTicker ticker = new HeartbeatTicker(label, grant);
      ChildOutcome outcome;
      try (ConsoleProgress progress = new ConsoleProgress(label, budget, settings.progressBar())) {
        outcome = run.run(progress::update, ticker);
      } finally {
        current = null;
      }
      result = ResultRules.toSubmit(task.taskId(), outcome, tokensPerStep);
      if (result == null) {
        LOG.warn("[{}] lease is gone (410): task abandoned without a result", label);
        return false;
      }
    } catch (IOException e) {
      LOG.error("[{}] cannot run the trainer: {}", label, e.toString());
      result = failed(task, "cannot run the trainer: " + e.getMessage());
    } finally {
      if (jobFile != null) {
        try {
          Files.deleteIfExists(jobFile);
        } catch (IOException e) {
          LOG.debug("cannot delete {}", jobFile);
        }
      }
    }
    return submit(label, grant, result);
  }

  private boolean submit(String label, LeaseGrant grant, TaskResult result)
      throws InterruptedException {
    LOG.info(
        "[{}] submitting: status={} val_bpb={} steps={} train_loss={}{}",
        label,
        result.status(),
        result.valBpb(),
        result.stepsCompleted(),
        result.trainLoss(),
        result.error() == null ? "" : " error=" + result.error());
    try {
      ResultAck ack =
          backoff.call(
              "submit " + label,
              () -> authorised(() -> client.submit(creds, grant.leaseId(), result)));
      LOG.info("[{}] result accepted={} status={}", label, ack.accepted(), ack.status());
      return true;
    } catch (ApiException e) {
      if (e.conflict()) {
        LOG.warn(
            "[{}] server already holds another result for this lease (409): {}",
            label,
            e.getMessage());
        return true;
      }
      LOG.error("[{}] result rejected: {}", label, e.getMessage());
      return false;
    } catch (RuntimeException e) {
      LOG.error("[{}] result could not be submitted: {}", label, e.toString());
      return false;
    }
  }

  private Path dataset(TaskSpec task) throws IOException {
    if (task.dataset() == null || task.dataset().sha256() == null || task.dataset().url() == null) {
      throw new IOException("task has no dataset reference");
    }
    return cache.fetch(
        task.dataset().sha256(), () -> client.openDataset(creds, task.dataset().url()));
  }

  private Path writeJob(TaskSpec task, double budget, Path dataset) throws IOException {
    Path dir = settings.workDir().resolve("jobs");
    Files.createDirectories(dir);
    TrainerJob job =
        new TrainerJob(
            task.taskId(),
            task.campaignId(),
            task.config(),
            task.seeds(),
            budget,
            dataset.toString());
    Path f = Files.createTempFile(dir, "job-", ".json");
    Files.writeString(f, TrainerEvents.jsonb().toJson(job), StandardCharsets.UTF_8);
    return f;
  }

  static long tokensPerStep(Map<String, Object> config) {
    try {
      return TrainerConfig.parse(config).tokensPerStep();
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static TaskResult failed(TaskSpec task, String error) {
    return new TaskResult(
        task.taskId(),
        null,
        null,
        0L,
        0.0,
        "cpu",
        TaskResult.FAILED,
        error,
        false,
        0L,
        java.util.List.of());
  }

  private void pause(double seconds) throws InterruptedException {
    long until = System.nanoTime() + (long) (seconds * 1e9);
    while (!stopping && System.nanoTime() < until) {
      try {
        Thread.sleep(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
      } catch (InterruptedException e) {
        if (stopping) {
          return;
        }
        throw e;
      }
    }
  }

  /** Sends heartbeats on schedule while the child runs and turns their answers into stop causes. */
  private final class HeartbeatTicker implements ChildRun.Ticker {
    private final String label;
    private final LeaseGrant grant;
    private Instant expires;
    private Instant next;

    HeartbeatTicker(String label, LeaseGrant grant) {
      this.label = label;
      this.grant = grant;
      this.expires = grant.leaseExpiresAt();
      this.next =
          Instant.now()
              .plusMillis((long) (Deadlines.heartbeatInterval(Instant.now(), expires) * 1000));
    }

    @Override
    public ChildOutcome.StopCause tick(TrainerEvents.Progress last, double elapsed) {
      Instant now = Instant.now();
      if (now.isBefore(next)) {
        return ChildOutcome.StopCause.NONE;
      }
      Heartbeat hb =
          new Heartbeat(last == null ? 0L : last.step(), last == null ? null : last.trainLoss());
      try {
        HeartbeatAck ack = authorised(() -> client.heartbeat(creds, grant.leaseId(), hb));
        if (ack.leaseExpiresAt() != null) {
          expires = ack.leaseExpiresAt();
        }
        next = now.plusMillis((long) (Deadlines.heartbeatInterval(now, expires) * 1000));
        if (ack.cancel()) {
          LOG.warn("[{}] server cancelled the task: stopping the trainer", label);
          return ChildOutcome.StopCause.CANCELLED;
        }
        LOG.debug("[{}] heartbeat ok at step {}; lease until {}", label, hb.step(), expires);
      } catch (ApiException e) {
        if (e.gone()) {
          LOG.warn("[{}] heartbeat answered 410: lease gone, stopping the trainer", label);
          return ChildOutcome.StopCause.LEASE_GONE;
        }
        LOG.warn("[{}] heartbeat failed: {}", label, e.getMessage());
        next = now.plusSeconds(3);
      } catch (RuntimeException e) {
        LOG.warn("[{}] heartbeat failed: {}", label, e.toString());
        next = now.plusSeconds(3);
      }
      return ChildOutcome.StopCause.NONE;
    }
  }
}
