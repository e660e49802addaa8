package org.xeenet.worker.lease;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
  private final Outbox outbox;
  private Supplier<String> gate = () -> null;
  private WorkerStatus status;
  private Long maxRssBytes;
  private volatile boolean stopping;
  private volatile boolean abandoned;
  private volatile ChildRun current;
  private volatile Thread loopThread;
  private final CountDownLatch finished = new CountDownLatch(1);
  private WorkerCredentials creds;
  private int submitted;
  private int tasksDone;

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
    this.outbox = new Outbox(settings.workDir());
  }

  /**
   * What may hold leasing back (pause file, schedule, machine busy): returns a reason, or null when
   * the worker may lease now. Checked only between tasks.
   */
  public LeaseLoop withGate(Supplier<String> g) {
    this.gate = g;
    return this;
  }

  /** Where the {@code status} command reads what this loop is doing. */
  public LeaseLoop withStatus(WorkerStatus s) {
    this.status = s;
    return this;
  }

  /** Stop a trainer whose resident memory exceeds this (the volunteer's --max-ram). */
  public LeaseLoop withMaxRss(Long bytes) {
    this.maxRssBytes = bytes;
    return this;
  }

  public Outbox outbox() {
    return outbox;
  }

  /** Tasks run to a result (delivered or waiting in the outbox). */
  public int tasksDone() {
    return tasksDone;
  }

  /** Number of results submitted (accepted or answered 409) so far. */
  public int submitted() {
    return submitted;
  }

  /** Runs until done; returns the process exit code. Network trouble never ends it. */
  public int run() throws InterruptedException, IOException {
    loopThread = Thread.currentThread();
    try {
      creds = credentials();
      loop();
      Thread.interrupted(); // an interrupt meant for a wait that is over
      if (!abandoned) {
        flushOutbox();
      }
      state("stopped", pendingCount() == 0 ? null : pendingCount() + " result(s) in the outbox");
      return 0;
    } finally {
      finished.countDown();
    }
  }

  private void loop() throws InterruptedException {
    int failures = 0;
    try {
      while (!stopping) {
        if (!flushOutbox()) {
          failures++;
          long wait = backoff.jitteredDelayMillis(failures);
          state("waiting", "server unreachable: " + pendingCount() + " result(s) in the outbox");
          LOG.warn(
              "{} result(s) wait in the outbox {}; trying again in {} ms",
              pendingCount(),
              outbox.dir(),
              wait);
          pause(wait / 1000.0);
          continue;
        }
        if (settings.maxTasks() != null && tasksDone >= settings.maxTasks()) {
          break;
        }
        String blocked = gate.get();
        if (blocked != null) {
          state("waiting", blocked);
          LOG.debug("not leasing: {}", blocked);
          pause(settings.pollIntervalSeconds());
          continue;
        }
        XeeNetClient.LeaseOutcome outcome;
        try {
          outcome = authorised(() -> client.lease(creds));
          failures = 0;
        } catch (RuntimeException e) {
          failures++;
          long wait = backoff.jitteredDelayMillis(failures);
          state("waiting", "lease poll failed: " + e.getMessage());
          LOG.warn("lease poll failed: {}; polling again in {} ms", e.toString(), wait);
          pause(wait / 1000.0);
          continue;
        }
        if (!outcome.granted()) {
          Long ra = outcome.retryAfterSeconds();
          double wait =
              ra == null
                  ? settings.pollIntervalSeconds()
                  : Math.min(Math.max(ra, 0.2), settings.pollIntervalSeconds());
          state("idle", "no work on the server");
          LOG.debug("no work; polling again in {} s", wait);
          pause(wait);
          continue;
        }
        runTask(outcome.grant());
      }
    } catch (InterruptedException e) {
      if (!stopping) {
        throw e;
      }
    }
  }

  private int pendingCount() {
    return outbox.pending(client.server()).size();
  }

  private void state(String state, String detail) {
    if (status != null) {
      status.update(state, detail, tasksDone, submitted, pendingCount());
    }
  }

  /**
   * Submits every result in the outbox for this server; returns true when the outbox is empty
   * afterwards (delivered, or answered with a final 4xx).
   */
  boolean flushOutbox() throws InterruptedException {
    List<Outbox.Entry> pending = outbox.pending(client.server());
    for (Outbox.Entry e : pending) {
      if (abandoned) {
        return false;
      }
      Delivery d = deliver("lease=" + e.leaseId(), e.leaseId(), e.result());
      if (d == Delivery.RETRY_LATER) {
        return false;
      }
    }
    return true;
  }

  /** Ctrl-C once: finish the current step, report a partial result, then return from run(). */
  public void requestStop() {
    stopping = true;
    ChildRun c = current;
    if (c != null) {
      LOG.info("stopping: the trainer finishes its step and reports a partial result");
      c.requestStop(ChildOutcome.StopCause.SHUTDOWN);
    } else if (loopThread != null) {
      loopThread.interrupt();
    }
  }

  /** Ctrl-C twice: kill the trainer at once and submit nothing more. */
  public void abandon() {
    abandoned = true;
    stopping = true;
    ChildRun c = current;
    if (c != null) {
      c.requestStop(ChildOutcome.StopCause.ABANDONED);
      c.forceStop();
    }
    if (loopThread != null) {
      loopThread.interrupt();
    }
  }

  /** Waits for run() to return. */
  public boolean awaitFinished(long millis) throws InterruptedException {
    return finished.await(millis, TimeUnit.MILLISECONDS);
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
    WorkerCredentials c = null;
    int attempt = 0;
    while (c == null) {
      try {
        c = client.register(reg);
      } catch (RuntimeException e) {
        if (!Backoff.retryable(e)) {
          throw e;
        }
        long wait = backoff.jitteredDelayMillis(++attempt);
        LOG.warn("registration failed: {}; trying again in {} ms", e.toString(), wait);
        try {
          pause(wait / 1000.0);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while registering", ie);
        }
        if (stopping) {
          throw new IOException("stopped before the registration succeeded");
        }
      }
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

  /** Runs one leased task to a result, puts it in the outbox and tries to deliver it. */
  void runTask(LeaseGrant grant) throws InterruptedException {
    TaskResult r = compute(grant);
    if (r == null) {
      return;
    }
    tasksDone++;
    String label = "task=" + grant.task().taskId() + " lease=" + grant.leaseId();
    try {
      outbox.put(client.server(), grant.leaseId(), r);
    } catch (IOException e) {
      LOG.error("[{}] cannot write the outbox ({}): submitting directly", label, e.toString());
    }
    if (!abandoned) {
      deliver(label, grant.leaseId(), r);
    }
    state("idle", null);
  }

  /** The result to submit for a lease, or null when nothing must be submitted (410, abandon). */
  private TaskResult compute(LeaseGrant grant) throws InterruptedException {
    TaskSpec task = grant.task();
    String label =
        "task=" + task.taskId() + " lease=" + grant.leaseId() + " campaign=" + task.campaignId();
    double budget = task.timeBudget() == null || task.timeBudget() <= 0 ? 60 : task.timeBudget();
    LOG.info("[{}] leased; budget {} s, lease expires {}", label, budget, grant.leaseExpiresAt());
    long tokensPerStep = tokensPerStep(task.config());
    TaskResult result;
    state("training", label);
    if (!CodePackages.allowed(task.codePackageRef())) {
      LOG.error(
          "[{}] refusing code package {}: this worker runs only {}",
          label,
          task.codePackageRef(),
          CodePackages.ALLOWED);
      return failed(
          task,
          "code package "
              + task.codePackageRef()
              + " is not allowed on this worker (it runs only "
              + CodePackages.ALLOWED
              + ")");
    }
    Path datasetPath;
    try {
      datasetPath = dataset(task);
    } catch (IOException | RuntimeException e) {
      LOG.error("[{}] dataset unavailable: {}", label, e.getMessage());
      return failed(task, "dataset download failed: " + e.getMessage());
    }
    if (!settings.nativesOk()) {
      if (!settings.simulate()) {
        return failed(task, "libtorch unavailable on this worker");
      }
      LOG.warn("[{}] libtorch unavailable: producing a SIMULATED result (simulated=true)", label);
      long seed = task.seeds() == null || task.seeds().isEmpty() ? 0 : task.seeds().get(0);
      return SimulatedTraining.result(task.taskId(), task.config(), seed, budget);
    }
    String kind = task.kindOrTrain();
    Path checked = null;
    if (TaskSpec.VERIFY.equals(kind)) {
      try {
        checked = checkpointToVerify(task, grant.leaseId());
      } catch (IOException | RuntimeException e) {
        LOG.error("[{}] checkpoint to verify unavailable: {}", label, e.getMessage());
        return failed(task, "checkpoint download failed: " + e.getMessage());
      }
    }
    Path jobFile = null;
    try {
      jobFile = writeJob(task, grant.leaseId(), budget, datasetPath, TaskSpec.TRAIN.equals(kind));
      Deadlines deadlines = Deadlines.forBudget(budget);
      if (settings.graceOverrideSeconds() != null) {
        deadlines = deadlines.withGrace(settings.graceOverrideSeconds());
      }
      ChildRun run =
          checked != null
              ? new ChildRun(
                  jvm, deadlines, label, "--evaluate", jobFile.toString(), checked.toString())
              : new ChildRun(jvm, deadlines, label, "--job", jobFile.toString());
      if (!TaskSpec.TRAIN.equals(kind)) {
        LOG.info("[{}] a {} check of another worker's result", label, kind);
      }
      run.maxRss(maxRssBytes);
      current = run;
      if (stopping) {
        run.requestStop(ChildOutcome.StopCause.SHUTDOWN);
      }
      HeartbeatTicker ticker = new HeartbeatTicker(label, grant);
      ChildOutcome outcome;
      try (ConsoleProgress progress = new ConsoleProgress(label, budget, settings.progressBar())) {
        outcome =
            run.run(
                p -> {
                  progress.update(p);
                  if (status != null) {
                    status.progress(task.taskId(), p);
                  }
                },
                ticker);
      } finally {
        current = null;
      }
      result = ResultRules.toSubmit(task.taskId(), outcome, tokensPerStep);
      if (result == null) {
        LOG.warn(
            "[{}] {}: no result submitted",
            label,
            outcome.cause() == ChildOutcome.StopCause.ABANDONED
                ? "abandoned (Ctrl-C twice)"
                : "lease is gone (410)");
        return null;
      }
    } catch (IOException e) {
      LOG.error("[{}] cannot run the trainer: {}", label, e.toString());
      result = failed(task, "cannot run the trainer: " + e.getMessage());
    } finally {
      for (Path f : java.util.Arrays.asList(jobFile, checked)) {
        if (f != null) {
          try {
            Files.deleteIfExists(f);
          } catch (IOException e) {
            LOG.debug("cannot delete {}", f);
          }
        }
      }
    }
    return result;
  }

  /** Downloads the checkpoint a verify check names and checks its hash. */
  private Path checkpointToVerify(TaskSpec task, String leaseId) throws IOException {
    if (task.checkpointUrl() == null || task.checkpointSha256() == null) {
      throw new IOException("the check names no checkpoint");
    }
    Path dir = settings.workDir().resolve("checks");
    Files.createDirectories(dir);
    Path file = dir.resolve(leaseId.replaceAll("[^A-Za-z0-9._-]", "_") + ".params");
    try (java.io.InputStream in = client.openDataset(creds, task.checkpointUrl())) {
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    String sha = DatasetCache.sha256Of(file);
    if (!sha.equals(task.checkpointSha256())) {
      Files.deleteIfExists(file);
      throw new IOException("the checkpoint's hash is " + sha + ", not " + task.checkpointSha256());
    }
    return file;
  }

  /** Where the trainer writes the final checkpoint of a lease's task. */
  Path checkpointFile(String taskId, String leaseId) {
    return settings
        .workDir()
        .resolve("checkpoints")
        .resolve((taskId + "-" + leaseId).replaceAll("[^A-Za-z0-9._-]", "_") + ".params");
  }

  /** Uploads the checkpoint a delivered result names, then deletes the local copy. */
  private void uploadCheckpoint(String label, String leaseId, TaskResult result) {
    if (result.checkpointSha256() == null || result.taskId() == null) {
      return;
    }
    Path file = checkpointFile(result.taskId(), leaseId);
    if (!Files.isRegularFile(file)) {
      LOG.warn("[{}] the checkpoint {} is gone: not uploaded", label, file);
      return;
    }
    try {
      int status = authorised(() -> client.uploadCheckpoint(creds, leaseId, file));
      LOG.info("[{}] checkpoint uploaded ({})", label, status);
      Files.deleteIfExists(file);
    } catch (ApiException e) {
      LOG.error("[{}] checkpoint refused ({}): {}", label, e.status(), e.getMessage());
    } catch (IOException | RuntimeException e) {
      LOG.warn("[{}] checkpoint not uploaded: {}", label, e.toString());
    }
  }

  enum Delivery {
    DELIVERED,
    REJECTED,
    RETRY_LATER
  }

  /** One delivery attempt (with backoff); the outbox entry goes unless RETRY_LATER. */
  private Delivery deliver(String label, String leaseId, TaskResult result)
      throws InterruptedException {
    LOG.info(
        "[{}] submitting: status={} val_bpb={} steps={} train_loss={}{}",
        label,
        result.status(),
        result.valBpb(),
        result.stepsCompleted(),
        result.trainLoss(),
        result.error() == null ? "" : " error=" + result.error());
    Backoff b = stopping ? new Backoff(2, backoff.baseMillis(), backoff.maxMillis()) : backoff;
    try {
      ResultAck ack =
          b.call("submit " + label, () -> authorised(() -> client.submit(creds, leaseId, result)));
      LOG.info("[{}] result accepted={} status={}", label, ack.accepted(), ack.status());
      outbox.remove(client.server(), leaseId);
      uploadCheckpoint(label, leaseId, result);
      submitted++;
      if (status != null) {
        status.delivered(result, ack);
      }
      return Delivery.DELIVERED;
    } catch (ApiException e) {
      if (Backoff.retryable(e)) {
        LOG.warn("[{}] server error, result kept in the outbox: {}", label, e.getMessage());
        return Delivery.RETRY_LATER;
      }
      if (e.conflict()) {
        LOG.warn(
            "[{}] server already holds another result for this lease (409): {}",
            label,
            e.getMessage());
      } else {
        LOG.error("[{}] result rejected ({}): {}", label, e.status(), e.getMessage());
      }
      outbox.remove(client.server(), leaseId);
      return Delivery.REJECTED;
    } catch (RuntimeException e) {
      LOG.warn("[{}] result not delivered, kept in the outbox: {}", label, e.toString());
      return Delivery.RETRY_LATER;
    }
  }

  private Path dataset(TaskSpec task) throws IOException {
    if (task.dataset() == null || task.dataset().sha256() == null || task.dataset().url() == null) {
      throw new IOException("task has no dataset reference");
    }
    return cache.fetch(
        task.dataset().sha256(), () -> client.openDataset(creds, task.dataset().url()));
  }

  private Path writeJob(
      TaskSpec task, String leaseId, double budget, Path dataset, boolean withCheckpoint)
      throws IOException {
    Path dir = settings.workDir().resolve("jobs");
    Files.createDirectories(dir);
    Path ckpt = withCheckpoint ? checkpointFile(task.taskId(), leaseId) : null;
    TrainerJob job =
        new TrainerJob(
            task.taskId(),
            task.campaignId(),
            task.config(),
            task.seeds(),
            budget,
            dataset.toString(),
            ckpt == null ? null : ckpt.toString());
    if (!TaskSpec.VERIFY.equals(task.kindOrTrain())) {
      // a replica of a resumed (promoted) run resumes from the same parent checkpoint
      job = resumed(job, task, ckpt != null ? ckpt : checkpointFile(task.taskId(), leaseId));
    }
    Path f = Files.createTempFile(dir, "job-", ".json");
    Files.writeString(f, TrainerEvents.jsonb().toJson(job), StandardCharsets.UTF_8);
    return f;
  }

  /**
   * An ASHA promotion continues its parent: the parent's checkpoint is downloaded (sha256-checked)
   * and the trainer resumes from it; when that fails the task trains from scratch.
   */
  private TrainerJob resumed(TrainerJob job, TaskSpec task, Path ckpt) {
    ResumeCheckpoint.Source source = ResumeCheckpoint.source(task.config());
    if (source == null) {
      return job;
    }
    Path parent = ckpt.resolveSibling("parent-" + ckpt.getFileName());
    try {
      ResumeCheckpoint.fetch(
          source,
          lease -> {
            var d = client.openCheckpoint(creds, lease);
            return new ResumeCheckpoint.Download(d.body(), d.sha256());
          },
          parent);
      LOG.info(
          "resuming from the checkpoint of lease {} after step {}",
          source.leaseId(),
          source.step());
      return job.resumingFrom(parent.toString(), source.step());
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "cannot resume from the checkpoint of lease {} ({}); training from scratch",
          source.leaseId(),
          e.toString());
      return job;
    }
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
