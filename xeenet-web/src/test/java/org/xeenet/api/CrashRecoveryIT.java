package org.xeenet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the server while workers lease and submit, twice, restarting on the same data
 * directory each time: no acknowledged result is lost, no task stays LEASED, and the campaign
 * finishes with every task valid.
 */
class CrashRecoveryIT {
  private static final String ADMIN = "crash-recovery-admin-token-for-tests-only";
  private static final int TASKS = 60;
  private static final Map<String, String> SHORT_LEASES =
      Map.of(
          "XEENET_ADMIN_TOKEN",
          ADMIN,
          "XEENET_SERVER_JAVA_OPTS",
          "-Dxeenet.lease.budget-factor=1 -Dxeenet.lease.grace-seconds=2"
              + " -Dxeenet.lease.reap-interval-seconds=1 -Dxeenet.task.max-attempts=10");

  private static ServerProcess server;

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void acknowledgedResultsSurviveKillMinusNine() throws Exception {
    Path data = Path.of(System.getProperty("xeenet.it.data.dir")).resolve("crash-recovery");
    Files.createDirectories(data);
    int port = ServerProcess.freePort();
    server = ServerProcess.start(port, data, SHORT_LEASES);
    ApiClient api = new ApiClient(server.base());
    HttpResponse<String> created =
        api.post(
            "briefs",
            ADMIN,
            "{\"title\":\"crash\",\"num_tasks\":" + TASKS + ",\"time_budget_per_task\":5}");
    assertThat(created.statusCode()).isEqualTo(201);
    String campaign = ApiClient.read(created, CampaignView.class).campaignId();
    awaitStatus(api, campaign, "RUNNING");

    Map<String, Double> acknowledged = new ConcurrentHashMap<>();
    for (int crash = 0; crash < 2; crash++) {
      runWorkersUntil(api, acknowledged, acknowledged.size() + 15);
      server.crash();
      server = ServerProcess.start(port, data, SHORT_LEASES);
      assertEveryAcknowledgedResultIsThere(api, campaign, acknowledged);
    }

    // leases of the crashed attempts expire; the rest of the work completes
    runWorkersUntil(api, acknowledged, TASKS);
    awaitStatus(api, campaign, "COMPLETED");
    TaskPage tasks =
        ApiClient.read(
            api.get("campaigns/" + campaign + "/tasks?page_size=500", ADMIN), TaskPage.class);
    assertThat(tasks.items()).hasSize(TASKS).allMatch(t -> t.status().equals("VALID"));
    assertEveryAcknowledgedResultIsThere(api, campaign, acknowledged);
  }

  private static void runWorkersUntil(ApiClient api, Map<String, Double> acknowledged, int target)
      throws Exception {
    AtomicBoolean enough = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      int index = w;
      workers.add(
          pool.submit(
              () -> {
                WorkerCredentials me =
                    ApiClient.read(
                        api.post(
                            "workers",
                            null,
                            "{\"name\":\"crash-w"
                                + index
                                + "\",\"training_capability\":{\"code_packages\":[\"builtin:char-lm/1\"]}}"),
                        WorkerCredentials.class);
                for (int round = 0; round < 2000 && !enough.get(); round++) {
                  HttpResponse<String> leased =
                      api.post("workers/" + me.workerId() + "/lease", me.token(), "{}");
                  if (leased.statusCode() != 200) {
                    Thread.sleep(200);
                    continue;
                  }
                  LeaseGrant grant = ApiClient.read(leased, LeaseGrant.class);
                  double bpb = 2.0 + (Math.abs(grant.task().taskId().hashCode()) % 1000) / 1000.0;
                  String result =
                      "{\"task_id\":\""
                          + grant.task().taskId()
                          + "\",\"status\":\"completed\",\"val_bpb\":"
                          + bpb
                          + ",\"steps_completed\":50,\"wall_time_seconds\":1.0,"
                          + "\"device_used\":\"cpu\",\"simulated\":true,\"tokens_processed\":500}";
                  HttpResponse<String> answer =
                      api.post("leases/" + grant.leaseId() + "/result", me.token(), result);
                  if (answer.statusCode() == 200
                      && ApiClient.read(answer, ResultAck.class).status().equals("VALID")) {
                    acknowledged.put(grant.task().taskId(), bpb);
                    if (acknowledged.size() >= target) {
                      enough.set(true);
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdownNow();
  }

  private static void assertEveryAcknowledgedResultIsThere(
      ApiClient api, String campaign, Map<String, Double> acknowledged) {
    TaskPage tasks =
        ApiClient.read(
            api.get("campaigns/" + campaign + "/tasks?page_size=500", ADMIN), TaskPage.class);
    Map<String, TaskView> byId = new java.util.HashMap<>();
    tasks.items().forEach(t -> byId.put(t.taskId(), t));
    acknowledged.forEach(
        (taskId, bpb) -> {
          assertThat(byId.get(taskId).status()).as(taskId).isEqualTo("VALID");
          assertThat(byId.get(taskId).valBpb()).as(taskId).isEqualTo(bpb);
        });
  }

  private static void awaitStatus(ApiClient api, String campaign, String status)
      throws InterruptedException {
    String last = null;
    for (int i = 0; i < 240; i++) {
      last = ApiClient.read(api.get("campaigns/" + campaign, ADMIN), CampaignView.class).status();
      if (last.equals(status)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("campaign is " + last + ", never " + status);
  }
}
