package org.xeenet.trust;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xeenet.api.ApiClient;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.ResourceProfile;
import org.xeenet.api.TaskResult;
import org.xeenet.api.TaskSpec;
import org.xeenet.api.TrainingCapability;
import org.xeenet.api.WorkerCredentials;
import org.xeenet.api.WorkerRegistration;

/**
 * A simulated worker over HTTP for the trust tests and benchmark, with an adversarial mode (test
 * code only: the shipped worker has none). It trains with {@link SimulatedRun}, uploads its
 * checkpoint after the result, and runs the trust agent's checks (verify, replicate). Honest
 * workers do what the protocol says; cheaters lie as their {@link Mode} says, on training tasks and
 * on checks.
 *
 * <p>Compute is counted in forward-token passes: a training step costs 3 × batch × block (forward
 * and backward), a verification {@value #EVAL_BATCHES} × batch × block (the real trainer's final
 * evaluation, forward only).
 */
public final class SimWorker {
  static final int EVAL_BATCHES = 40;

  /** How the worker behaves. */
  public enum Mode {
    HONEST,
    /** reports a better val_bpb than its checkpoint has */
    FABRICATE,
    /** trains half the steps and claims all of them */
    INFLATE_STEPS,
    /** submits a run of another task's config as this task's result */
    OTHER_TASK,
    /** resubmits its first result (and checkpoint) for later tasks */
    REPLAY,
    /** honest first, then in turn: another task's result, a replay, fabrication, inflation */
    MIXED
  }

  private static final List<Mode> MIX =
      List.of(Mode.OTHER_TASK, Mode.REPLAY, Mode.FABRICATE, Mode.INFLATE_STEPS);

  private final ApiClient client;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final Mode mode;
  private final double tokensPerS;
  private final boolean simulated;
  private final WorkerCredentials creds;
  private long nonce;
  private final java.util.Random lies;
  private Map<String, Object> firstConfig;
  private TaskResult firstResult;
  private byte[] firstCheckpoint;

  /** What this worker did. */
  public long trainingCost;

  public long checkCost;
  public int tasks;
  public int cheats;
  public int checks;
  public final List<String> cheatLeases = new ArrayList<>();
  public final List<String> honestLeases = new ArrayList<>();

  public SimWorker(ApiClient client, String name, Mode mode, double tokensPerS, boolean simulated) {
    this.client = client;
    this.mode = mode;
    this.tokensPerS = tokensPerS;
    this.simulated = simulated;
    this.nonce = name.hashCode() * 1_000_003L;
    this.lies = new java.util.Random(name.hashCode());
    WorkerRegistration registration =
        new WorkerRegistration(
            name,
            new ResourceProfile(2, 8.0, null, null, "Linux", "amd64", 1e9),
            new TrainingCapability(
                "java-17",
                "pytorch",
                "2.7.1",
                true,
                false,
                List.of("builtin:char-lm/1"),
                List.of(TaskSpec.VERIFY, TaskSpec.REPLICATE)));
    HttpResponse<String> r = client.post("workers", null, registration);
    if (r.statusCode() != 201) {
      throw new IllegalStateException("registration: " + r.statusCode() + " " + r.body());
    }
    this.creds = ApiClient.read(r, WorkerCredentials.class);
  }

  private String campaign;
  private boolean lieOnChecks = true;

  /** Cheaters lie on the checks they run too (default); false: they run checks honestly. */
  public SimWorker lieOnChecks(boolean lie) {
    this.lieOnChecks = lie;
    return this;
  }

  /** Only this campaign's work is done; tasks and checks of others are handed back as failed. */
  public SimWorker only(String campaignId) {
    this.campaign = campaignId;
    return this;
  }

  public WorkerCredentials credentials() {
    return creds;
  }

  public Mode mode() {
    return mode;
  }

  /** One lease poll; answers the lease it ran, or null (no work, or quarantined: 403). */
  public LeaseGrant step() {
    HttpResponse<String> r =
        client.post("workers/" + creds.workerId() + "/lease", creds.token(), "{}");
    if (r.statusCode() != 200) {
      return null;
    }
    LeaseGrant grant = ApiClient.read(r, LeaseGrant.class);
    TaskSpec spec = grant.task();
    if (campaign != null && !campaign.equals(spec.campaignId())) {
      report(grant, TaskResult.FAILED, null, 0, List.of(), "not this test's campaign");
      return grant;
    }
    switch (spec.kindOrTrain()) {
      case TaskSpec.VERIFY -> verify(grant);
      case TaskSpec.REPLICATE -> replicate(grant);
      default -> train(grant);
    }
    return grant;
  }

  /** Whether this worker is quarantined (its lease polls answer 403). */
  public boolean quarantined() {
    return client.post("workers/" + creds.workerId() + "/lease", creds.token(), "{}").statusCode()
        == 403;
  }

  static long tokensPerStep(Map<String, Object> config) {
    return ((Number) config.get("batch_size")).longValue()
        * ((Number) config.get("block_size")).longValue();
  }

  private void train(LeaseGrant grant) {
    TaskSpec spec = grant.task();
    long tps = tokensPerStep(spec.config());
    double wall = spec.timeBudget() * 0.9;
    long steps = Math.max(30, (long) (tokensPerS * wall / tps));
    long seed = spec.seeds().get(0);
    tasks++;
    TaskResult result;
    byte[] checkpoint;
    Mode now = mode == Mode.MIXED ? MIX.get(cheats % MIX.size()) : mode;
    boolean needsHistory = mode == Mode.MIXED || now == Mode.OTHER_TASK || now == Mode.REPLAY;
    boolean cheat = mode != Mode.HONEST && (firstConfig != null || !needsHistory);
    if (!cheat) {
      SimulatedRun.Run run = SimulatedRun.train(spec.config(), seed, steps, ++nonce, wall);
      result = result(spec.taskId(), run, steps, tps, wall, run.curve());
      checkpoint = run.checkpoint();
      trainingCost += 3 * steps * tps;
      if (firstConfig == null) {
        firstConfig = new LinkedHashMap<>(spec.config());
        firstResult = result;
        firstCheckpoint = checkpoint;
      }
    } else {
      cheats++;
      switch (now) {
        case FABRICATE -> {
          SimulatedRun.Run run = SimulatedRun.train(spec.config(), seed, steps, ++nonce, wall);
          trainingCost += 3 * steps * tps;
          double lie = SimulatedRun.round(run.valBpb() - 0.25);
          result =
              new TaskResult(
                  spec.taskId(),
                  lie,
                  run.trainLoss(),
                  steps,
                  wall,
                  "cpu",
                  TaskResult.COMPLETED,
                  null,
                  simulated,
                  steps * tps,
                  withFinalBpb(run.curve(), lie),
                  run.checkpointSha256());
          checkpoint = run.checkpoint();
        }
        case INFLATE_STEPS -> {
          long ran = steps / 2;
          SimulatedRun.Run run = SimulatedRun.train(spec.config(), seed, ran, ++nonce, wall);
          trainingCost += 3 * ran * tps;
          List<CurvePoint> stretched = new ArrayList<>();
          for (CurvePoint p : run.curve()) {
            stretched.add(new CurvePoint(p.step() * 2, p.elapsedS(), p.trainLoss(), p.valBpb()));
          }
          result = result(spec.taskId(), run, steps, tps, wall, stretched);
          checkpoint = run.checkpoint();
        }
        case OTHER_TASK -> {
          SimulatedRun.Run run = SimulatedRun.train(firstConfig, seed, steps, ++nonce, wall);
          trainingCost += 3 * steps * tps;
          result = result(spec.taskId(), run, steps, tps, wall, run.curve());
          checkpoint = run.checkpoint();
        }
        default -> { // REPLAY
          result =
              new TaskResult(
                  spec.taskId(),
                  firstResult.valBpb(),
                  firstResult.trainLoss(),
                  firstResult.stepsCompleted(),
                  firstResult.wallTimeSeconds(),
                  firstResult.deviceUsed(),
                  firstResult.status(),
                  null,
                  simulated,
                  firstResult.tokensProcessed(),
                  firstResult.curve(),
                  firstResult.checkpointSha256());
          checkpoint = firstCheckpoint;
        }
      }
    }
    HttpResponse<String> submitted =
        client.post("leases/" + grant.leaseId() + "/result", creds.token(), result);
    if (submitted.statusCode() != 200) {
      throw new IllegalStateException("result: " + submitted.statusCode() + " " + submitted.body());
    }
    (cheat ? cheatLeases : honestLeases).add(grant.leaseId());
    HttpResponse<String> upload =
        putForAnswer("leases/" + grant.leaseId() + "/checkpoint", checkpoint);
    boolean replay = cheat && (now == Mode.REPLAY);
    if (replay ? upload.statusCode() != 409 : upload.statusCode() != 201) {
      throw new IllegalStateException(
          mode + " checkpoint upload: " + upload.statusCode() + " " + upload.body());
    }
  }

  private TaskResult result(
      String taskId, SimulatedRun.Run run, long steps, long tps, double wall, List<CurvePoint> c) {
    return new TaskResult(
        taskId,
        run.valBpb(),
        run.trainLoss(),
        steps,
        wall,
        "cpu",
        TaskResult.COMPLETED,
        null,
        simulated,
        steps * tps,
        c,
        run.checkpointSha256());
  }

  private static List<CurvePoint> withFinalBpb(List<CurvePoint> curve, double bpb) {
    List<CurvePoint> out = new ArrayList<>(curve);
    CurvePoint last = out.remove(out.size() - 1);
    out.add(new CurvePoint(last.step(), last.elapsedS(), last.trainLoss(), bpb));
    return out;
  }

  private void verify(LeaseGrant grant) {
    TaskSpec spec = grant.task();
    checks++;
    checkCost += EVAL_BATCHES * tokensPerStep(spec.config());
    HttpResponse<byte[]> ckpt = client.getBytes(spec.checkpointUrl(), creds.token());
    Double bpb;
    if (ckpt.statusCode() != 200) {
      report(grant, TaskResult.FAILED, null, 0, List.of(), "checkpoint: " + ckpt.statusCode());
      return;
    }
    if (!SimulatedRun.sha256(ckpt.body()).equals(spec.checkpointSha256())) {
      report(grant, TaskResult.FAILED, null, 0, List.of(), "checkpoint hash differs");
      return;
    }
    bpb = SimulatedRun.evaluate(spec.config(), ckpt.body());
    if (mode != Mode.HONEST && lieOnChecks && bpb != null) {
      bpb = SimulatedRun.round(bpb + 0.3 + 0.7 * lies.nextDouble()); // a cheater's check lies too
    }
    report(grant, TaskResult.COMPLETED, bpb, 0, List.of(), bpb == null ? "unreadable" : null);
  }

  private void replicate(LeaseGrant grant) {
    TaskSpec spec = grant.task();
    checks++;
    long steps = ((Number) spec.config().get("max_steps")).longValue();
    long tps = tokensPerStep(spec.config());
    // a lazy replica: 15-35 % of the steps (one that ran exactly an inflater's share would agree
    // with its inflated claim: coincident errors are the known limit of a quorum)
    long ran =
        mode == Mode.HONEST || !lieOnChecks
            ? steps
            : Math.max(1, (long) (steps * (0.15 + 0.2 * lies.nextDouble())));
    checkCost += 3 * ran * tps;
    SimulatedRun.Run run =
        SimulatedRun.train(
            spec.config(), spec.seeds().get(0), ran, ++nonce, steps * tps / tokensPerS);
    List<CurvePoint> curve = run.curve();
    if (ran != steps) {
      List<CurvePoint> stretched = new ArrayList<>();
      for (CurvePoint p : curve) {
        stretched.add(
            new CurvePoint(p.step() * steps / ran, p.elapsedS(), p.trainLoss(), p.valBpb()));
      }
      curve = stretched;
    }
    report(grant, TaskResult.COMPLETED, run.valBpb(), steps, curve, null);
  }

  private void report(
      LeaseGrant grant,
      String status,
      Double bpb,
      long steps,
      List<CurvePoint> curve,
      String error) {
    long tps = tokensPerStep(grant.task().config());
    TaskResult r =
        new TaskResult(
            grant.task().taskId(),
            bpb,
            null,
            steps,
            1.0,
            "cpu",
            status,
            error,
            simulated,
            steps * tps,
            curve);
    HttpResponse<String> answer =
        client.post("leases/" + grant.leaseId() + "/result", creds.token(), r);
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("check report: " + answer.statusCode() + " " + answer.body());
    }
  }

  /** PUT of checkpoint bytes; answers the status. */
  public int put(String path, byte[] bytes) {
    return putForAnswer(path, bytes).statusCode();
  }

  /** PUT of checkpoint bytes; answers the response. */
  public HttpResponse<String> putForAnswer(String path, byte[] bytes) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(client.api().resolve(path))
              .timeout(Duration.ofSeconds(60))
              .expectContinue(bytes.length > 60_000)
              .header("Authorization", "Bearer " + creds.token())
              .header("Content-Type", "application/octet-stream")
              .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
              .build();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
