package org.xeenet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: a task of an adaptive search lost without a result — its lease expired and its attempts
 * are used up — is refilled like a settled one: the campaign queues the next task instead of
 * stalling or completing early, until num_tasks tasks exist. Real server (short leases, one attempt
 * per task), workers that lease and vanish.
 */
class SearchRefillIT {
  private static final String ADMIN = "search-refill-admin-token-for-tests-only";
  private static ServerProcess server;
  private static ApiClient api;

  @BeforeAll
  static void start() throws Exception {
    Path data = Path.of(System.getProperty("xeenet.it.data.dir")).resolve("search-refill");
    Files.createDirectories(data);
    server =
        ServerProcess.start(
            ServerProcess.freePort(),
            data,
            Map.of(
                "XEENET_ADMIN_TOKEN",
                ADMIN,
                "XEENET_SERVER_JAVA_OPTS",
                "-Dxeenet.lease.budget-factor=1 -Dxeenet.lease.grace-seconds=1"
                    + " -Dxeenet.lease.reap-interval-seconds=1 -Dxeenet.task.max-attempts=1"));
    api = new ApiClient(server.base());
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void tpeRefillsTasksLostToLeaseExpiry() throws Exception {
    everyLostTaskIsRefilledUntilNumTasks("tpe", "");
  }

  @Test
  void ashaRefillsTasksLostToLeaseExpiry() throws Exception {
    everyLostTaskIsRefilledUntilNumTasks("asha", ",\"budget_steps\":900");
  }

  private static void everyLostTaskIsRefilledUntilNumTasks(String search, String extra)
      throws Exception {
    int numTasks = 3;
    HttpResponse<String> created =
        api.post(
            "briefs",
            ADMIN,
            "{\"title\":\"refill "
                + search
                + "\",\"num_tasks\":"
                + numTasks
                + ",\"time_budget_per_task\":5,\"search\":\""
                + search
                + "\",\"parallel_tasks\":1,\"replication\":1"
                + extra
                + ",\"search_space\":{\"n_layer\":[1,2],\"n_head\":2,\"n_embd\":[32,64]}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String campaign = ApiClient.read(created, CampaignView.class).campaignId();
    CampaignView view = await(campaign, v -> v.status().equals("RUNNING"));
    assertThat(view.taskCounts().getOrDefault("QUEUED", 0L)).isEqualTo(1);
    WorkerCredentials worker =
        ApiClient.read(
            api.post(
                "workers",
                null,
                "{\"name\":\"vanishing-"
                    + search
                    + "\",\"training_capability\":{\"code_packages\":[\"builtin:char-lm/1\"]}}"),
            WorkerCredentials.class);
    for (int lost = 1; lost <= numTasks; lost++) {
      HttpResponse<String> leased =
          api.post("workers/" + worker.workerId() + "/lease", worker.token(), "{}");
      assertThat(leased.statusCode()).as("lease %d: %s", lost, leased.body()).isEqualTo(200);
      // the worker vanishes: no heartbeat, no result; the lease expires after ~6 s
      int failed = lost;
      view = await(campaign, v -> v.taskCounts().getOrDefault("FAILED", 0L) == failed);
      if (lost < numTasks) {
        assertThat(view.status()).as("after %d lost", lost).isEqualTo("RUNNING");
        assertThat(view.taskCounts().getOrDefault("QUEUED", 0L))
            .as("refilled after %d lost: %s", lost, view.taskCounts())
            .isEqualTo(1);
      }
    }
    // num_tasks tasks exist and none is open: the campaign ends instead of waiting forever
    view = await(campaign, v -> v.status().equals("COMPLETED"));
    assertThat(view.taskCounts().getOrDefault("FAILED", 0L)).isEqualTo(numTasks);
  }

  private static CampaignView await(String campaign, java.util.function.Predicate<CampaignView> ok)
      throws InterruptedException {
    CampaignView last = null;
    for (int i = 0; i < 120; i++) {
      last = ApiClient.read(api.get("campaigns/" + campaign, ADMIN), CampaignView.class);
      if (ok.test(last)) {
        return last;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("campaign never got there: " + last);
  }
}
