package org.xeenet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The v1 API on Payara Micro and embedded Derby, deployed from the WAR Maven built: briefs expand
 * through the batch job, the worker routes keep to the contract, bad input and missing credentials
 * are refused with problem documents and change nothing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {
  private static final String PROBLEM = "application/problem+json";

  @ArquillianResource URL base;

  private ApiClient client;
  private String admin;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.create(ZipImporter.class, "xeenet.war")
        .importFrom(new File(System.getProperty("xeenet.war")))
        .as(WebArchive.class);
  }

  @BeforeEach
  void connect() throws Exception {
    client = new ApiClient(base.toURI());
    admin =
        Files.readString(
                Path.of(System.getProperty("xeenet.it.data.dir")).resolve("admin-token"),
                StandardCharsets.UTF_8)
            .strip();
    // each test works on its own campaign: end the ones earlier tests (of any class sharing this
    // database) left open; the administrator sees and may cancel every campaign
    for (CampaignView campaign : campaigns()) {
      if (campaign.status().equals("RUNNING") || campaign.status().equals("PAUSED")) {
        assertThat(
                client
                    .post("campaigns/" + campaign.campaignId() + "/cancel", admin, null)
                    .statusCode())
            .isEqualTo(200);
      }
    }
  }

  @Test
  void aBriefBecomesExactlyNumTasksQueuedTasksThroughTheBatchJob() {
    HttpResponse<String> created = client.post("briefs", admin, brief("expansion", 7, 30));
    assertThat(created.statusCode()).isEqualTo(201);
    CampaignView campaign = ApiClient.read(created, CampaignView.class);
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(
            l -> assertThat(l).endsWith("/api/v1/campaigns/" + campaign.campaignId()));

    CampaignView running = awaitCampaign(campaign.campaignId(), c -> c.status().equals("RUNNING"));
    assertThat(running.taskCounts()).containsEntry("QUEUED", 7L);
    assertThat(running.taskCounts().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(7);

    TaskPage page =
        ApiClient.read(
            client.get("campaigns/" + campaign.campaignId() + "/tasks?page_size=100", admin),
            TaskPage.class);
    assertThat(page.total()).isEqualTo(7);
    Set<Long> seeds = new HashSet<>();
    for (TaskView task : page.items()) {
      assertThat(task.status()).isEqualTo("QUEUED");
      assertThat(task.timeBudget()).isEqualTo(30);
      assertThat(task.config())
          .containsKeys(
              "n_layer",
              "n_head",
              "n_embd",
              "block_size",
              "batch_size",
              "learning_rate",
              "dropout",
              "weight_decay");
      seeds.add(task.seed());
    }
    assertThat(seeds).hasSize(7);
    assertThat(page.items()).extracting(TaskView::index).containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void aBadBriefIsRefusedWithEachBadFieldAndNothingIsPersisted() {
    int before = campaigns().size();
    HttpResponse<String> refused =
        client.post(
            "briefs",
            admin,
            "{\"title\":\" \",\"num_tasks\":0,\"search_space\":{\"n_layer\":[],\"depth\":3}}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    Problem problem = ApiClient.read(refused, Problem.class);
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.errors())
        .extracting(Problem.FieldError::field)
        .contains(
            "title",
            "num_tasks",
            "time_budget_per_task",
            "search_space.n_layer",
            "search_space.depth");

    HttpResponse<String> unreadable = client.post("briefs", admin, "{\"title\": ");
    assertThat(unreadable.statusCode()).isEqualTo(400);
    assertThat(unreadable.headers().firstValue("Content-Type")).hasValue(PROBLEM);

    HttpResponse<String> wrongType = client.post("briefs", admin, "{\"num_tasks\": \"many\"}");
    assertThat(wrongType.statusCode()).isEqualTo(400);

    assertThat(campaigns()).hasSize(before);
  }

  @Test
  void noCallWithoutTheRightCredentialsSucceeds() {
    WorkerCredentials worker = register("credential-check");
    int before = campaigns().size();
    assertUnauthorized(client.post("briefs", null, brief("anonymous", 1, 10)));
    assertUnauthorized(client.post("briefs", "not-a-token", brief("forged", 1, 10)));
    // a worker token is not a researcher token
    assertUnauthorized(client.post("briefs", worker.token(), brief("worker", 1, 10)));
    assertUnauthorized(client.get("campaigns", null));
    assertUnauthorized(client.post("workers/" + worker.workerId() + "/lease", null, "{}"));
    assertUnauthorized(client.post("workers/" + worker.workerId() + "/lease", admin, "{}"));
    assertUnauthorized(client.post("leases/whatever/heartbeat", null, "{}"));
    assertUnauthorized(client.post("leases/whatever/result", "nope", "{}"));
    assertUnauthorized(client.get("datasets/" + "0".repeat(64), null));
    assertThat(campaigns()).hasSize(before);

    WorkerCredentials other = register("other");
    HttpResponse<String> foreign =
        client.post("workers/" + worker.workerId() + "/lease", other.token(), "{}");
    assertThat(foreign.statusCode()).isEqualTo(403);
  }

  @Test
  void registerLeaseHeartbeatResultRoundTrip() throws Exception {
    CampaignView campaign = startCampaign("round trip", 1, 10);
    WorkerCredentials worker = register("round-trip");

    HttpResponse<String> leased =
        client.post("workers/" + worker.workerId() + "/lease", worker.token(), "{}");
    assertThat(leased.statusCode()).isEqualTo(200);
    LeaseGrant grant = ApiClient.read(leased, LeaseGrant.class);
    TaskSpec task = grant.task();
    assertThat(task.campaignId()).isEqualTo(campaign.campaignId());
    assertThat(task.codePackageRef()).isEqualTo("builtin:char-lm/1");
    assertThat(task.timeBudget()).isEqualTo(10);
    assertThat(task.seeds()).hasSize(1);
    assertThat(grant.leaseExpiresAt()).isAfter(java.time.Instant.now());

    HttpResponse<byte[]> data = client.getBytes(task.dataset().url(), worker.token());
    assertThat(data.statusCode()).isEqualTo(200);
    assertThat(data.body()).hasSize(task.dataset().sizeBytes().intValue());
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data.body())))
        .isEqualTo(task.dataset().sha256());
    assertThat(data.headers().firstValue("ETag")).hasValue("\"" + task.dataset().sha256() + "\"");

    HttpResponse<String> beat =
        client.post(
            "leases/" + grant.leaseId() + "/heartbeat", worker.token(), new Heartbeat(12L, 3.1));
    assertThat(beat.statusCode()).isEqualTo(200);
    assertThat(ApiClient.read(beat, HeartbeatAck.class).cancel()).isFalse();

    WorkerCredentials intruder = register("intruder");
    assertThat(
            client
                .post("leases/" + grant.leaseId() + "/heartbeat", intruder.token(), "{}")
                .statusCode())
        .isEqualTo(403);

    TaskResult result = completed(task.taskId(), 2.61);
    HttpResponse<String> first =
        client.post("leases/" + grant.leaseId() + "/result", worker.token(), result);
    assertThat(first.statusCode()).isEqualTo(200);
    ResultAck ack = ApiClient.read(first, ResultAck.class);
    assertThat(ack.accepted()).isTrue();
    assertThat(ack.status()).isEqualTo("VALID");

    HttpResponse<String> again =
        client.post("leases/" + grant.leaseId() + "/result", worker.token(), result);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(first.body());

    HttpResponse<String> conflicting =
        client.post(
            "leases/" + grant.leaseId() + "/result", worker.token(), completed(task.taskId(), 2.4));
    assertThat(conflicting.statusCode()).isEqualTo(409);
    assertThat(conflicting.headers().firstValue("Content-Type")).hasValue(PROBLEM);

    TaskPage tasks =
        ApiClient.read(
            client.get("campaigns/" + campaign.campaignId() + "/tasks", admin), TaskPage.class);
    TaskView done = tasks.items().get(0);
    assertThat(done.status()).isEqualTo("VALID");
    assertThat(done.valBpb()).isEqualTo(2.61);
    assertThat(done.workerId()).isEqualTo(worker.workerId());
    assertThat(done.deviceUsed()).isEqualTo("cpu");

    CampaignView finished =
        ApiClient.read(client.get("campaigns/" + campaign.campaignId(), admin), CampaignView.class);
    assertThat(finished.status()).isEqualTo("COMPLETED");
    assertThat(finished.best().valBpb()).isEqualTo(2.61);

    HttpResponse<String> none =
        client.post("workers/" + worker.workerId() + "/lease", worker.token(), "{}");
    assertThat(none.statusCode()).isEqualTo(204);
    assertThat(none.headers().firstValue("Retry-After")).isPresent();

    assertThat(
            client
                .post("leases/" + grant.leaseId() + "/heartbeat", worker.token(), "{}")
                .statusCode())
        .isEqualTo(410);
  }

  @Test
  void aResultThatBreaksTheContractIsRefusedAndChangesNothing() {
    startCampaign("bad result", 1, 10);
    WorkerCredentials worker = register("sloppy");
    LeaseGrant grant =
        ApiClient.read(
            client.post("workers/" + worker.workerId() + "/lease", worker.token(), "{}"),
            LeaseGrant.class);
    HttpResponse<String> refused =
        client.post(
            "leases/" + grant.leaseId() + "/result",
            worker.token(),
            "{\"task_id\":\""
                + grant.task().taskId()
                + "\",\"status\":\"done\",\"steps_completed\":-3}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(ApiClient.read(refused, Problem.class).errors())
        .extracting(Problem.FieldError::field)
        .contains("status", "steps_completed");
    // the lease still takes a proper result
    HttpResponse<String> proper =
        client.post(
            "leases/" + grant.leaseId() + "/result",
            worker.token(),
            completed(grant.task().taskId(), 3.0));
    assertThat(proper.statusCode()).isEqualTo(200);
  }

  @Test
  void anExpiredLeasePutsTheTaskBackToTheQueue() {
    // leases here last budget + 2 s (arquillian.xml); the reaper runs every second
    CampaignView campaign = startCampaign("expiry", 1, 5);
    WorkerCredentials worker = register("vanishing");
    LeaseGrant grant =
        ApiClient.read(
            client.post("workers/" + worker.workerId() + "/lease", worker.token(), "{}"),
            LeaseGrant.class);

    TaskView requeued = awaitTask(campaign.campaignId(), t -> t.status().equals("QUEUED"));
    assertThat(requeued.attempts()).isEqualTo(1);
    assertThat(requeued.failureReasons()).contains("lease expired");
    assertThat(
            client
                .post("leases/" + grant.leaseId() + "/heartbeat", worker.token(), "{}")
                .statusCode())
        .isEqualTo(410);

    WorkerCredentials next = register("next");
    LeaseGrant second =
        ApiClient.read(
            client.post("workers/" + next.workerId() + "/lease", next.token(), "{}"),
            LeaseGrant.class);
    assertThat(second.task().taskId()).isEqualTo(grant.task().taskId());
    assertThat(second.leaseId()).isNotEqualTo(grant.leaseId());
  }

  @Test
  void aPausedCampaignLeasesNothingAndTellsRunningWorkersToStop() {
    CampaignView campaign = startCampaign("pause", 2, 30);
    WorkerCredentials worker = register("pausable");
    LeaseGrant grant =
        ApiClient.read(
            client.post("workers/" + worker.workerId() + "/lease", worker.token(), "{}"),
            LeaseGrant.class);

    assertThat(
            client.post("campaigns/" + campaign.campaignId() + "/pause", admin, null).statusCode())
        .isEqualTo(200);
    HeartbeatAck ack =
        ApiClient.read(
            client.post("leases/" + grant.leaseId() + "/heartbeat", worker.token(), "{}"),
            HeartbeatAck.class);
    assertThat(ack.cancel()).isTrue();
    assertThat(
            client
                .post("workers/" + worker.workerId() + "/lease", worker.token(), "{}")
                .statusCode())
        .isEqualTo(204);

    assertThat(
            client.post("campaigns/" + campaign.campaignId() + "/resume", admin, null).statusCode())
        .isEqualTo(200);
    assertThat(
            client
                .post("workers/" + worker.workerId() + "/lease", worker.token(), "{}")
                .statusCode())
        .isEqualTo(200);

    assertThat(
            client.post("campaigns/" + campaign.campaignId() + "/cancel", admin, null).statusCode())
        .isEqualTo(200);
    CampaignView cancelled =
        ApiClient.read(client.get("campaigns/" + campaign.campaignId(), admin), CampaignView.class);
    assertThat(cancelled.status()).isEqualTo("CANCELLED");
    assertThat(cancelled.taskCounts()).containsEntry("CANCELLED", 2L);
    HttpResponse<String> again =
        client.post("campaigns/" + campaign.campaignId() + "/resume", admin, null);
    assertThat(again.statusCode()).isEqualTo(409);
  }

  @Test
  void aTaskFailsWithEveryReasonOnceItsAttemptsAreUsed() {
    // max attempts is 2 here (arquillian.xml)
    CampaignView campaign = startCampaign("attempts", 1, 5);
    WorkerCredentials worker = register("flaky");
    lease(worker);
    awaitTask(campaign.campaignId(), t -> t.status().equals("QUEUED"));
    lease(worker);
    TaskView failed = awaitTask(campaign.campaignId(), t -> t.status().equals("FAILED"));
    assertThat(failed.attempts()).isEqualTo(2);
    assertThat(failed.failureReasons())
        .contains("attempt 1: lease expired", "attempt 2: lease expired");
    assertThat(awaitCampaign(campaign.campaignId(), c -> !c.status().equals("RUNNING")).status())
        .isEqualTo("COMPLETED");
  }

  @Test
  void aLateValidResultOfAnExpiredLeaseWinsAndTheNewerLeaseIsCancelled() {
    CampaignView campaign = startCampaign("late result", 1, 5);
    WorkerCredentials slow = register("slow");
    LeaseGrant first = lease(slow);
    awaitTask(campaign.campaignId(), t -> t.status().equals("QUEUED"));
    WorkerCredentials fast = register("fast");
    LeaseGrant second = lease(fast);
    assertThat(second.task().taskId()).isEqualTo(first.task().taskId());

    HttpResponse<String> late =
        client.post(
            "leases/" + first.leaseId() + "/result",
            slow.token(),
            completed(first.task().taskId(), 2.9));
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(ApiClient.read(late, ResultAck.class)).isEqualTo(new ResultAck(true, "VALID"));

    HeartbeatAck told =
        ApiClient.read(
            client.post("leases/" + second.leaseId() + "/heartbeat", fast.token(), "{}"),
            HeartbeatAck.class);
    assertThat(told.cancel()).isTrue();
    ResultAck ignored =
        ApiClient.read(
            client.post(
                "leases/" + second.leaseId() + "/result",
                fast.token(),
                completed(second.task().taskId(), 2.5)),
            ResultAck.class);
    assertThat(ignored.accepted()).isFalse();
    TaskView task = awaitTask(campaign.campaignId(), t -> t.status().equals("VALID"));
    assertThat(task.valBpb()).isEqualTo(2.9);
    assertThat(task.workerId()).isEqualTo(slow.workerId());
  }

  @Test
  void workersAreOfferedOnlyTasksTheirHardwareAndCodePackagesCanRun() {
    BriefSpec needsGpu =
        new BriefSpec(
            "gpu only",
            null,
            1,
            10,
            null,
            Map.of("n_layer", 1, "n_embd", 32, "n_head", 2),
            null,
            null,
            null,
            null,
            new ResourceProfile(null, null, "any", 8.0, null, null, null),
            1L,
            null);
    HttpResponse<String> created = client.post("briefs", admin, needsGpu);
    assertThat(created.statusCode()).isEqualTo(201);
    String id = ApiClient.read(created, CampaignView.class).campaignId();
    CampaignView waiting = awaitCampaign(id, c -> c.status().equals("RUNNING"));
    assertThat(waiting.statusDetail())
        .contains("no registered worker meets its hardware requirements");
    assertThat(waiting.hardware().gpuVramGb()).isEqualTo(8.0);

    WorkerCredentials cpu = register("cpu-only");
    assertThat(client.post("workers/" + cpu.workerId() + "/lease", cpu.token(), "{}").statusCode())
        .isEqualTo(204);
    WorkerCredentials smallGpu =
        register(
            "small-gpu",
            new ResourceProfile(8, 32.0, "RTX 3050", 4.0, "Linux", "amd64", null),
            "builtin:char-lm/1");
    assertThat(
            client
                .post("workers/" + smallGpu.workerId() + "/lease", smallGpu.token(), "{}")
                .statusCode())
        .isEqualTo(204);
    WorkerCredentials otherCode =
        register(
            "other-code",
            new ResourceProfile(8, 32.0, "A100", 80.0, "Linux", "amd64", null),
            "python:other/1");
    assertThat(
            client
                .post("workers/" + otherCode.workerId() + "/lease", otherCode.token(), "{}")
                .statusCode())
        .isEqualTo(204);

    WorkerCredentials bigGpu =
        register(
            "big-gpu",
            new ResourceProfile(8, 32.0, "A100", 80.0, "Linux", "amd64", null),
            "builtin:char-lm/1");
    assertThat(
            ApiClient.read(client.get("campaigns/" + id, admin), CampaignView.class).statusDetail())
        .isNull();
    LeaseGrant grant = lease(bigGpu);
    assertThat(grant.task().campaignId()).isEqualTo(id);
  }

  @Test
  void aRetriedLeaseRequestWithTheSameIdempotencyKeyGetsTheSameLease() {
    startCampaign("idempotent lease", 2, 30);
    WorkerCredentials worker = register("retrying");
    HttpResponse<String> first = leaseWithKey(worker, "poll-1");
    HttpResponse<String> retried = leaseWithKey(worker, "poll-1");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retried.statusCode()).isEqualTo(200);
    LeaseGrant a = ApiClient.read(first, LeaseGrant.class);
    LeaseGrant b = ApiClient.read(retried, LeaseGrant.class);
    assertThat(b.leaseId()).isEqualTo(a.leaseId());
    assertThat(b.task().taskId()).isEqualTo(a.task().taskId());
    LeaseGrant next = ApiClient.read(leaseWithKey(worker, "poll-2"), LeaseGrant.class);
    assertThat(next.leaseId()).isNotEqualTo(a.leaseId());
    assertThat(next.task().taskId()).isNotEqualTo(a.task().taskId());
  }

  @Test
  void workersTimeIsSharedBetweenResearchersAndPriorityComesFirst() {
    String alice = openResearcher("alice");
    String bob = openResearcher("bob");
    String aliceCampaign = startCampaignAs(alice, "alice's", 3, 30, null);
    String bobCampaign = startCampaignAs(bob, "bob's", 3, 30, null);
    try {
      sharesBetween(alice, aliceCampaign, bob, bobCampaign);
    } finally {
      client.post("campaigns/" + aliceCampaign + "/cancel", alice, null);
      client.post("campaigns/" + bobCampaign + "/cancel", bob, null);
    }
  }

  private void sharesBetween(String alice, String aliceCampaign, String bob, String bobCampaign) {
    WorkerCredentials worker = register("shared");
    List<String> order = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      order.add(lease(worker).task().campaignId());
    }
    // first come would give alice 3 in a row; fair share alternates
    assertThat(order).containsExactly(aliceCampaign, bobCampaign, aliceCampaign, bobCampaign);

    String urgent = startCampaignAs(bob, "bob's urgent", 1, 30, 10);
    assertThat(lease(worker).task().campaignId()).isEqualTo(urgent);
    client.post("campaigns/" + urgent + "/cancel", bob, null);

    // researchers see only their own campaigns
    assertThat(client.get("campaigns/" + aliceCampaign, bob).statusCode()).isEqualTo(404);
    assertThat(client.post("researchers", bob, "{\"name\":\"eve\"}").statusCode()).isEqualTo(403);
  }

  @Test
  void healthAndMetricsSpeakForTheQueue() throws Exception {
    startCampaign("observed", 2, 30);
    ApiClient root = new ApiClient(base.toURI().resolve("/"));
    HttpResponse<byte[]> ready =
        root.getBytes(base.toURI().resolve("/health/ready").toString(), null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(new String(ready.body(), StandardCharsets.UTF_8))
        .contains("\"status\":\"UP\"", "schema_version");
    String metrics = "";
    for (int i = 0; i < 20 && !metrics.matches("(?s).*status=\"QUEUED\"} [1-9].*"); i++) {
      metrics =
          new String(
              root.getBytes(base.toURI().resolve("/metrics").toString(), null).body(),
              StandardCharsets.UTF_8);
      pause(500);
    }
    assertThat(metrics)
        .contains("xeenet_tasks{", "xeenet_workers_online")
        .containsPattern("status=\"QUEUED\"} [1-9]");
    HttpResponse<byte[]> openapi = root.getBytes(base.toURI().resolve("/openapi").toString(), null);
    assertThat(new String(openapi.body(), StandardCharsets.UTF_8))
        .contains("/api/v1/workers/{workerId}/lease", "/api/v1/briefs");
  }

  // ---- helpers

  private static BriefSpec brief(String title, int tasks, int budget) {
    return new BriefSpec(
        title,
        "integration test",
        tasks,
        budget,
        null,
        Map.of("n_layer", 1, "n_embd", List.of(32), "n_head", 2),
        null,
        null,
        null,
        null,
        null,
        42L,
        null);
  }

  private static TaskResult completed(String taskId, double bpb) {
    return new TaskResult(
        taskId,
        bpb,
        1.9,
        120L,
        10.2,
        "cpu",
        TaskResult.COMPLETED,
        null,
        false,
        61_440L,
        List.of(new CurvePoint(60L, 5.0, 2.4, null), new CurvePoint(120L, 10.0, 1.9, bpb)));
  }

  private CampaignView startCampaign(String title, int tasks, int budget) {
    HttpResponse<String> created = client.post("briefs", admin, brief(title, tasks, budget));
    assertThat(created.statusCode()).isEqualTo(201);
    String id = ApiClient.read(created, CampaignView.class).campaignId();
    return awaitCampaign(id, c -> c.status().equals("RUNNING"));
  }

  private WorkerCredentials register(String name) {
    return client.registerWorker(name);
  }

  private WorkerCredentials register(String name, ResourceProfile profile, String codePackage) {
    return client.registerWorker(name, profile, codePackage);
  }

  private LeaseGrant lease(WorkerCredentials worker) {
    return client.lease(worker);
  }

  private HttpResponse<String> leaseWithKey(WorkerCredentials worker, String key) {
    return client.post(
        "workers/" + worker.workerId() + "/lease", worker.token(), "{}", "Idempotency-Key", key);
  }

  private String openResearcher(String name) {
    return client.openResearcher(admin, name);
  }

  private String startCampaignAs(
      String token, String title, int tasks, int budget, Integer priority) {
    BriefSpec brief =
        new BriefSpec(
            title,
            null,
            tasks,
            budget,
            null,
            Map.of("n_layer", 1, "n_embd", 32, "n_head", 2),
            null,
            null,
            null,
            null,
            null,
            3L,
            priority);
    HttpResponse<String> created = client.post("briefs", token, brief);
    assertThat(created.statusCode()).isEqualTo(201);
    String id = ApiClient.read(created, CampaignView.class).campaignId();
    for (int i = 0; i < 120; i++) {
      CampaignView view = ApiClient.read(client.get("campaigns/" + id, token), CampaignView.class);
      if (view.status().equals("RUNNING")) {
        return id;
      }
      pause(500);
    }
    throw new AssertionError("campaign " + id + " never ran");
  }

  private List<CampaignView> campaigns() {
    HttpResponse<String> response = client.get("campaigns", admin);
    assertThat(response.statusCode()).isEqualTo(200);
    return new ArrayList<>(
        ApiClient.read(
            response, new ArrayList<CampaignView>() {}.getClass().getGenericSuperclass()));
  }

  private CampaignView awaitCampaign(String id, Predicate<CampaignView> condition) {
    CampaignView last = null;
    for (int i = 0; i < 120; i++) {
      last = ApiClient.read(client.get("campaigns/" + id, admin), CampaignView.class);
      if (condition.test(last)) {
        return last;
      }
      pause(500);
    }
    throw new AssertionError("campaign never reached the expected state: " + last);
  }

  private TaskView awaitTask(String campaignId, Predicate<TaskView> condition) {
    TaskView last = null;
    for (int i = 0; i < 120; i++) {
      last =
          ApiClient.read(client.get("campaigns/" + campaignId + "/tasks", admin), TaskPage.class)
              .items()
              .get(0);
      if (condition.test(last)) {
        return last;
      }
      pause(500);
    }
    throw new AssertionError("task never reached the expected state: " + last);
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
