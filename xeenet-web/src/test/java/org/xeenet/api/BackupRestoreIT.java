package org.xeenet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./xeenet backup} of a running server, more results, stop, {@code ./xeenet restore}, start:
 * the results from before the backup are there, the later ones are not, the ledger balances. The
 * restarted server runs with {@code xeenet.registration.per-minute=3}: the fourth registration from
 * this address is a 429 problem with {@code Retry-After}.
 */
class BackupRestoreIT {
  private static final String ADMIN = "backup-restore-admin-token-for-tests-only";
  private static ServerProcess server;

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void restoredDatabaseHoldsWhatTheBackupSaw() throws Exception {
    Path data = Path.of(System.getProperty("xeenet.it.data.dir")).resolve("backup-restore");
    Files.createDirectories(data);
    int port = ServerProcess.freePort();
    server = ServerProcess.start(port, data, Map.of("XEENET_BOOTSTRAP_TOKEN", ADMIN));
    ApiClient api = new ApiClient(server.base());
    // the bootstrap token opens the administrator account from the first second; it is stored
    // only as its hash, no admin-token file is written
    assertThat(data.resolve("admin-token")).doesNotExist();
    HttpResponse<String> created =
        api.post(
            "briefs", ADMIN, "{\"title\":\"backup\",\"num_tasks\":8,\"time_budget_per_task\":5}");
    assertThat(created.statusCode()).isEqualTo(201);
    String campaign = ApiClient.read(created, CampaignView.class).campaignId();
    awaitRunning(api, campaign);
    WorkerCredentials worker =
        ApiClient.read(
            api.post(
                "workers",
                null,
                "{\"name\":\"backup-w\",\"training_capability\":{\"code_packages\":[\"builtin:char-lm/1\"]}}"),
            WorkerCredentials.class);

    Map<String, Double> before = submit(api, worker, 3);

    // refusals first: a worker, a researcher who is not an administrator, a path outside
    assertThat(api.post("operations/backup", worker.token(), "{}").statusCode()).isEqualTo(401);
    HttpResponse<String> researcher = api.post("researchers", ADMIN, "{\"name\":\"not-an-admin\"}");
    assertThat(researcher.statusCode()).isEqualTo(201);
    String researcherToken =
        ApiClient.JSON.fromJson(researcher.body(), Map.class).get("token").toString();
    assertThat(api.post("operations/backup", researcherToken, "{}").statusCode()).isEqualTo(403);
    HttpResponse<String> outside =
        api.post("operations/backup", ADMIN, "{\"directory\":\"/tmp/../etc/xeenet-backup\"}");
    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(outside.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);

    Process backup = script(port, data, "backup", "it-backup").redirectErrorStream(true).start();
    String answer = new String(backup.getInputStream().readAllBytes());
    assertThat(backup.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(backup.exitValue()).as(answer).isZero();
    Path copy = data.resolve("backups/it-backup");
    assertThat(answer).contains(copy.toString());
    assertThat(copy.resolve("derby/service.properties")).exists();

    Map<String, Double> after = submit(api, worker, 3);
    server.stop();

    Process restore =
        script(port, data, "restore", copy.toString()).redirectErrorStream(true).start();
    String restored = new String(restore.getInputStream().readAllBytes());
    assertThat(restore.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(restore.exitValue()).as(restored).isZero();
    try (var aside = Files.list(data)) {
      assertThat(aside.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("derby.before-restore-"));
    }

    long boots = boots(data);
    server =
        ServerProcess.start(
            port,
            data,
            Map.of(
                "XEENET_BOOTSTRAP_TOKEN",
                ADMIN,
                "XEENET_SERVER_JAVA_OPTS",
                "-Dxeenet.registration.per-minute=3"));
    awaitBoot(data, boots);
    Map<String, TaskView> tasks = new HashMap<>();
    ApiClient.read(api.get("campaigns/" + campaign + "/tasks?page_size=100", ADMIN), TaskPage.class)
        .items()
        .forEach(t -> tasks.put(t.taskId(), t));
    assertThat(tasks).hasSize(8);
    before.forEach(
        (id, bpb) -> {
          assertThat(tasks.get(id).status()).as(id).isEqualTo("VALID");
          assertThat(tasks.get(id).valBpb()).as(id).isEqualTo(bpb);
        });
    after.forEach((id, bpb) -> assertThat(tasks.get(id).status()).as(id).isNotEqualTo("VALID"));
    HttpResponse<String> ledger = api.get("ledger/verify", ADMIN);
    assertThat(ledger.statusCode()).isEqualTo(200);
    assertThat(ledger.body()).contains("\"balanced\":true");

    // registration rate limit (3 a minute on this server)
    for (int i = 0; i < 3; i++) {
      assertThat(api.post("workers", null, "{\"name\":\"limited-" + i + "\"}").statusCode())
          .isEqualTo(201);
    }
    HttpResponse<String> refused = api.post("workers", null, "{\"name\":\"limited-3\"}");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
    // other routes are not limited
    assertThat(
            api.post("workers/" + worker.workerId() + "/lease", worker.token(), "{}").statusCode())
        .isIn(200, 204);
  }

  /**
   * Payara Micro restarted on a root dir first loads the application it had, then redeploys it: the
   * API answers in between, so wait for the end of the boot in the server log.
   */
  private static void awaitBoot(Path data, long before) throws Exception {
    for (int i = 0; i < 600 && boots(data) <= before; i++) {
      Thread.sleep(500);
    }
    assertThat(boots(data)).isGreaterThan(before);
  }

  private static long boots(Path data) throws java.io.IOException {
    Path log = data.resolve("server.log");
    if (!Files.exists(log)) {
      return 0;
    }
    try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
      return lines.filter(l -> l.contains("Payara Micro") && l.contains(" ready in ")).count();
    }
  }

  private static ProcessBuilder script(int port, Path data, String... args) {
    String[] command = new String[args.length + 2];
    command[0] = "bash";
    command[1] = ServerProcess.root().resolve("xeenet").toString();
    System.arraycopy(args, 0, command, 2, args.length);
    ProcessBuilder builder = new ProcessBuilder(command).directory(ServerProcess.root().toFile());
    builder.environment().put("XEENET_PORT", Integer.toString(port));
    builder.environment().put("XEENET_DATA_DIR", data.toString());
    builder.environment().put("XEENET_BOOTSTRAP_TOKEN", ADMIN);
    return builder;
  }

  private static Map<String, Double> submit(ApiClient api, WorkerCredentials worker, int count)
      throws InterruptedException {
    Map<String, Double> done = new LinkedHashMap<>();
    for (int round = 0; round < 200 && done.size() < count; round++) {
      HttpResponse<String> leased =
          api.post("workers/" + worker.workerId() + "/lease", worker.token(), "{}");
      if (leased.statusCode() != 200) {
        Thread.sleep(200);
        continue;
      }
      LeaseGrant grant = ApiClient.read(leased, LeaseGrant.class);
      double bpb = 2.0 + done.size() / 10.0;
      String result =
          "{\"task_id\":\""
              + grant.task().taskId()
              + "\",\"status\":\"completed\",\"val_bpb\":"
              + bpb
              + ",\"steps_completed\":50,\"wall_time_seconds\":1.0,"
              + "\"device_used\":\"cpu\",\"simulated\":true,\"tokens_processed\":500}";
      HttpResponse<String> answer =
          api.post("leases/" + grant.leaseId() + "/result", worker.token(), result);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(ApiClient.read(answer, ResultAck.class).status()).isEqualTo("VALID");
      done.put(grant.task().taskId(), bpb);
    }
    assertThat(done).hasSize(count);
    return done;
  }

  private static void awaitRunning(ApiClient api, String campaign) throws InterruptedException {
    for (int i = 0; i < 240; i++) {
      if (ApiClient.read(api.get("campaigns/" + campaign, ADMIN), CampaignView.class)
          .status()
          .equals("RUNNING")) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("campaign never RUNNING");
  }
}
