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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two server instances (two Payara Micro processes started by {@code ./xeenet server}) on one Derby
 * Network Server database (started by {@code db-scripts/bin/derby-server}), many workers polling
 * both at once: no task is ever handed out twice.
 */
class ScaleOutIT {
  private static final String ADMIN = "scale-out-admin-token-for-tests-only";
  private static final int TASKS = 200;
  private static final int WORKERS = 16;

  private static Process derby;
  private static ServerProcess first;
  private static ServerProcess second;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Path.of(System.getProperty("xeenet.it.data.dir")).resolve("scale-out");
    Files.createDirectories(dir);
    int derbyPort = ServerProcess.freePort();
    derby = ServerProcess.startDerby(derbyPort, dir.resolve("derby-home"));
    Map<String, String> shared =
        Map.of("XEENET_DERBY_SERVER", "127.0.0.1:" + derbyPort, "XEENET_ADMIN_TOKEN", ADMIN);
    first = ServerProcess.start(ServerProcess.freePort(), dir.resolve("instance-1"), shared);
    second = ServerProcess.start(ServerProcess.freePort(), dir.resolve("instance-2"), shared);
  }

  @AfterAll
  static void stop() throws Exception {
    if (second != null) {
      second.stop();
    }
    if (first != null) {
      first.stop();
    }
    if (derby != null) {
      ServerProcess.stop(derby, false);
    }
  }

  @Test
  void twoInstancesNeverHandOutATaskTwice() throws Exception {
    List<ApiClient> instances = List.of(new ApiClient(first.base()), new ApiClient(second.base()));
    HttpResponse<String> created =
        instances
            .get(0)
            .post(
                "briefs",
                ADMIN,
                "{\"title\":\"scale-out\",\"num_tasks\":"
                    + TASKS
                    + ",\"time_budget_per_task\":60}");
    assertThat(created.statusCode()).isEqualTo(201);
    String campaign = ApiClient.read(created, CampaignView.class).campaignId();
    for (int i = 0; i < 120; i++) {
      String status =
          ApiClient.read(instances.get(1).get("campaigns/" + campaign, ADMIN), CampaignView.class)
              .status();
      if (status.equals("RUNNING")) {
        break;
      }
      Thread.sleep(500);
    }

    Map<String, AtomicInteger> grants = new ConcurrentHashMap<>();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < WORKERS; w++) {
      int index = w;
      running.add(
          pool.submit(
              () -> {
                ApiClient home = instances.get(index % 2);
                WorkerCredentials me =
                    ApiClient.read(
                        home.post(
                            "workers",
                            null,
                            "{\"name\":\"w"
                                + index
                                + "\",\"resource_profile\":{\"cpu_cores\":2,\"ram_gb\":8},"
                                + "\"training_capability\":{\"code_packages\":[\"builtin:char-lm/1\"]}}"),
                        WorkerCredentials.class);
                int idle = 0;
                for (int round = 0; round < 1000 && idle < 6; round++) {
                  ApiClient via = instances.get((index + round) % 2);
                  HttpResponse<String> leased =
                      via.post("workers/" + me.workerId() + "/lease", me.token(), "{}");
                  if (leased.statusCode() == 204) {
                    idle++;
                    continue;
                  }
                  if (leased.statusCode() != 200) {
                    errors.incrementAndGet();
                    continue;
                  }
                  idle = 0;
                  LeaseGrant grant = ApiClient.read(leased, LeaseGrant.class);
                  grants
                      .computeIfAbsent(grant.task().taskId(), t -> new AtomicInteger())
                      .incrementAndGet();
                  String result =
                      "{\"task_id\":\""
                          + grant.task().taskId()
                          + "\",\"status\":\"completed\",\"val_bpb\":2.5,\"train_loss\":1.8,"
                          + "\"steps_completed\":100,\"wall_time_seconds\":1.0,\"device_used\":\"cpu\","
                          + "\"simulated\":true,\"tokens_processed\":1000}";
                  HttpResponse<String> submitted =
                      instances
                          .get((index + round + 1) % 2)
                          .post("leases/" + grant.leaseId() + "/result", me.token(), result);
                  if (submitted.statusCode() != 200) {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : running) {
      worker.get();
    }
    pool.shutdown();

    assertThat(errors.get()).isZero();
    assertThat(grants).hasSize(TASKS);
    assertThat(grants.values()).allMatch(count -> count.get() == 1);
    TaskPage tasks =
        ApiClient.read(
            instances.get(1).get("campaigns/" + campaign + "/tasks?page_size=500", ADMIN),
            TaskPage.class);
    assertThat(tasks.total()).isEqualTo(TASKS);
    assertThat(tasks.items())
        .allSatisfy(
            t -> {
              assertThat(t.status()).isEqualTo("VALID");
              assertThat(t.attempts()).isEqualTo(1);
            });
    assertThat(
            ApiClient.read(instances.get(0).get("campaigns/" + campaign, ADMIN), CampaignView.class)
                .status())
        .isEqualTo("COMPLETED");
  }
}
