package org.xeenet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of {@code ./xeenet server} clustered with Payara's data grid (Hazelcast on
 * loopback, an explicit TCP/IP member list, a cluster name of their own) on one Derby Network
 * Server: both see two members, the worker-registration limit is the cluster's, and a campaign
 * paused or cancelled on one instance is heard on the other at once.
 */
class ClusterIT {
  private static final String ADMIN = "cluster-admin-token-for-tests-only";
  private static final int PER_MINUTE = 6;

  private static Process derby;
  private static ServerProcess first;
  private static ServerProcess second;
  private static List<ApiClient> instances;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Path.of(System.getProperty("xeenet.it.data.dir")).resolve("cluster");
    Files.createDirectories(dir);
    int derbyPort = ServerProcess.freePort();
    derby = ServerProcess.startDerby(derbyPort, dir.resolve("derby-home"));
    int gridA = ServerProcess.freePort();
    int gridB = ServerProcess.freePort();
    String members = "127.0.0.1:" + gridA + ",127.0.0.1:" + gridB;
    String cluster = "xeenet-it-" + UUID.randomUUID().toString().substring(0, 8);
    first =
        ServerProcess.start(
            ServerProcess.freePort(), dir.resolve("a"), env(derbyPort, cluster, members, gridA));
    second =
        ServerProcess.start(
            ServerProcess.freePort(), dir.resolve("b"), env(derbyPort, cluster, members, gridB));
    instances = List.of(new ApiClient(first.base()), new ApiClient(second.base()));
  }

  private static Map<String, String> env(int derbyPort, String cluster, String members, int port) {
    return Map.of(
        "XEENET_DERBY_SERVER",
        "127.0.0.1:" + derbyPort,
        "XEENET_ADMIN_TOKEN",
        ADMIN,
        "XEENET_CLUSTER",
        cluster,
        "XEENET_CLUSTER_MEMBERS",
        members,
        "XEENET_CLUSTER_PORT",
        Integer.toString(port),
        "XEENET_SERVER_JAVA_OPTS",
        "-Dxeenet.registration.per-minute=" + PER_MINUTE);
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
  void bothInstancesSeeTheClusterAndShareState() throws Exception {
    for (ApiClient instance : instances) {
      double members = 0;
      for (int i = 0; i < 120 && members < 2; i++) {
        members = metric(instance, "xeenet_cluster_members");
        if (members < 2) {
          Thread.sleep(500);
        }
      }
      assertThat(members).isEqualTo(2);
      assertThat(instance.get("../../health/ready", null).body())
          .containsPattern("\"cluster_members\":\"?2");
    }

    // the registration limit is one allowance for the whole cluster, not one per instance
    int admitted = 0;
    int refused = 0;
    WorkerCredentials worker = null;
    for (int i = 0; i < 2 * PER_MINUTE; i++) {
      HttpResponse<String> registered =
          instances
              .get(i % 2)
              .post(
                  "workers",
                  null,
                  "{\"name\":\"c"
                      + i
                      + "\",\"resource_profile\":{\"cpu_cores\":2,\"ram_gb\":8},"
                      + "\"training_capability\":{\"code_packages\":[\"builtin:char-lm/1\"]}}");
      if (registered.statusCode() == 201) {
        admitted++;
        worker = ApiClient.read(registered, WorkerCredentials.class);
      } else {
        assertThat(registered.statusCode()).isEqualTo(429);
        refused++;
      }
    }
    // a bucket of PER_MINUTE refills one token every 60 / PER_MINUTE s: at most one more
    assertThat(admitted).isBetween(PER_MINUTE, PER_MINUTE + 1);
    assertThat(refused).isEqualTo(2 * PER_MINUTE - admitted);

    // a campaign paused on one instance is heard by the other
    HttpResponse<String> created =
        instances
            .get(0)
            .post(
                "briefs",
                ADMIN,
                "{\"title\":\"cluster\",\"num_tasks\":4,\"time_budget_per_task\":60}");
    assertThat(created.statusCode()).isEqualTo(201);
    String campaign = ApiClient.read(created, CampaignView.class).campaignId();
    for (int i = 0; i < 120; i++) {
      if (ApiClient.read(instances.get(1).get("campaigns/" + campaign, ADMIN), CampaignView.class)
          .status()
          .equals("RUNNING")) {
        break;
      }
      Thread.sleep(500);
    }

    // one lease and result, through whichever instance offers the task (each instance's feeder
    // claims queued tasks for its own workers; a load balancer would send the worker on the same
    // way): that instance's metrics count them
    HttpResponse<String> leased = null;
    ApiClient leasing = null;
    for (int i = 0; i < 60 && (leased == null || leased.statusCode() == 204); i++) {
      leasing = instances.get((i + 1) % 2);
      leased = leasing.post("workers/" + worker.workerId() + "/lease", worker.token(), "{}");
      if (leased.statusCode() == 204) {
        Thread.sleep(250);
      }
    }
    assertThat(leased.statusCode()).isEqualTo(200);
    LeaseGrant grant = ApiClient.read(leased, LeaseGrant.class);
    String result =
        "{\"task_id\":\""
            + grant.task().taskId()
            + "\",\"status\":\"completed\",\"val_bpb\":2.5,\"train_loss\":1.8,"
            + "\"steps_completed\":100,\"wall_time_seconds\":1.0,\"device_used\":\"cpu\","
            + "\"simulated\":true,\"tokens_processed\":1000}";
    assertThat(
            leasing
                .post("leases/" + grant.leaseId() + "/result", worker.token(), result)
                .statusCode())
        .isEqualTo(200);
    assertThat(metric(leasing, "xeenet_leases_total")).isGreaterThanOrEqualTo(1);
    assertThat(metric(leasing, "xeenet_results_total")).isGreaterThanOrEqualTo(1);
    String metrics = leasing.get("../../metrics", null).body();
    assertThat(metrics)
        .containsPattern(
            "xeenet_request_seconds_count\\{[^}]*route=\"/workers/\\{workerId}/lease\"")
        .contains("xeenet_worker_credits")
        .contains("xeenet_tasks{")
        .contains("xeenet_workers_online");
    assertThat(metric(leasing, "xeenet_worker_credits")).isNotNegative();

    double pausedBefore = metric(instances.get(1), "xeenet_campaign_state_heard_total", "PAUSED");
    assertThat(instances.get(0).post("campaigns/" + campaign + "/pause", ADMIN, null).statusCode())
        .isEqualTo(200);
    awaitMetric(instances.get(1), "PAUSED", pausedBefore + 1);
    awaitMetric(instances.get(0), "PAUSED", pausedBefore + 1);
    double cancelledBefore =
        metric(instances.get(0), "xeenet_campaign_state_heard_total", "CANCELLED");
    assertThat(instances.get(1).post("campaigns/" + campaign + "/cancel", ADMIN, null).statusCode())
        .isEqualTo(200);
    awaitMetric(instances.get(0), "CANCELLED", cancelledBefore + 1);
  }

  private static void awaitMetric(ApiClient instance, String status, double atLeast)
      throws Exception {
    double value = 0;
    for (int i = 0; i < 50; i++) {
      value = metric(instance, "xeenet_campaign_state_heard_total", status);
      if (value >= atLeast) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(value).as("%s heard", status).isGreaterThanOrEqualTo(atLeast);
  }

  private static double metric(ApiClient instance, String name) throws Exception {
    return metric(instance, name, null);
  }

  /** The value of an application metric on /metrics (0 when absent). */
  private static double metric(ApiClient instance, String name, String status) throws Exception {
    String text = instance.get("../../metrics", null).body();
    Pattern line =
        Pattern.compile(
            "(?m)^"
                + name
                + "\\{[^}]*"
                + (status == null ? "" : "status=\"" + status + "\"[^}]*")
                + "}\\s+([0-9.Ee+-]+)$");
    Matcher m = line.matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
