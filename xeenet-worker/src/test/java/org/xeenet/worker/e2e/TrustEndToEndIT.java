package org.xeenet.worker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xeenet.api.CampaignView;
import org.xeenet.api.TaskPage;
import org.xeenet.api.TaskView;

/**
 * The trust agent's checks with the real worker jar and DJL: a worker trains a tiny model and
 * uploads its checkpoint; a second worker then gets the two checks of that result — verify (the
 * trainer's evaluate-only mode recomputes val_bpb from the downloaded checkpoint) and replicate
 * (the same config and seed for the claimed steps) — and both agree within the documented
 * tolerances, so the result is confirmed. The recomputed and replicated val_bpb are printed: they
 * are the CPU-vs-CPU spread of one such pair.
 */
class TrustEndToEndIT {
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static Path dataDir;
  private static int port;
  private static Process server;
  private static String admin;

  @BeforeAll
  static void startServer() throws Exception {
    Path root = Path.of(System.getProperty("xeenet.root")).toRealPath();
    dataDir =
        Path.of(System.getProperty("xeenet.e2e.dir"))
            .resolve("trust-" + System.currentTimeMillis());
    Files.createDirectories(dataDir);
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder("bash", root.resolve("xeenet").toString(), "server")
            .directory(root.toFile())
            .redirectErrorStream(true);
    builder.environment().put("XEENET_PORT", Integer.toString(port));
    builder.environment().put("XEENET_DATA_DIR", dataDir.toString());
    server = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.contains("ready")) {
      // wait for the ready line
    }
    assertThat(line).as("server ready").isNotNull();
    Thread drain =
        new Thread(
            () -> {
              try {
                while (out.readLine() != null) {
                  // discard
                }
              } catch (java.io.IOException ignored) {
                // stopped
              }
            });
    drain.setDaemon(true);
    drain.start();
    admin = Files.readString(dataDir.resolve("admin-token"), StandardCharsets.UTF_8).strip();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.toHandle().descendants().forEach(ProcessHandle::destroy);
      server.destroy();
      server.waitFor(60, TimeUnit.SECONDS);
      for (int i = 0; i < 60 && server.toHandle().descendants().findAny().isPresent(); i++) {
        Thread.sleep(500);
      }
    }
  }

  @Test
  void anotherWorkerVerifiesAndReplicatesARealResultAndConfirmsIt() throws Exception {
    String brief =
        "{\"title\":\"trust end to end\",\"num_tasks\":1,\"time_budget_per_task\":8,\"seed\":7,"
            + "\"search_space\":{\"n_layer\":1,\"n_head\":2,\"n_embd\":32,\"block_size\":32,"
            + "\"batch_size\":8,\"learning_rate\":0.002,\"warmup_steps\":10}}";
    HttpResponse<String> created = send("POST", "briefs", brief);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String campaign = JSON.fromJson(created.body(), CampaignView.class).campaignId();
    for (int i = 0; i < 120 && !status(campaign).equals("RUNNING"); i++) {
      Thread.sleep(500);
    }
    String log1 = runWorker("trainer", 1);
    assertThat(log1).contains("checkpoint uploaded (201)");
    TaskPage tasks =
        JSON.fromJson(send("GET", "campaigns/" + campaign + "/tasks", null).body(), TaskPage.class);
    TaskView trained = tasks.items().get(0);
    assertThat(trained.status()).isEqualTo("VALID");

    String log2 = runWorker("checker", 2);
    assertThat(log2).contains("a verify check").contains("a replicate check");
    String lease = leaseOf(log1);
    HttpResponse<String> checks = send("GET", "trust/leases/" + lease + "/checks", null);
    System.out.println(
        "trust e2e: claimed val_bpb " + trained.valBpb() + "; checks " + checks.body());
    List<Map<String, Object>> views =
        JSON.fromJson(
            checks.body(),
            new java.util.ArrayList<Map<String, Object>>() {}.getClass().getGenericSuperclass());
    assertThat(views)
        .extracting(v -> v.get("kind"))
        .containsExactlyInAnyOrder("VERIFY", "REPLICATE");
    assertThat(views).as(checks.body()).allMatch(v -> "AGREED".equals(v.get("status")));
    assertThat(send("GET", "trust/leases/" + lease, null).body()).contains("CONFIRMED");
  }

  private static String leaseOf(String log) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("lease=([0-9a-f-]{36})").matcher(log);
    assertThat(m.find()).as(log).isTrue();
    return m.group(1);
  }

  private static String runWorker(String name, int tasks) throws Exception {
    Path home = dataDir.resolve(name);
    Path log = dataDir.resolve(name + ".log");
    Process worker =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Dai.djl.offline=true",
                "-jar",
                System.getProperty("xeenet.worker.jar"),
                "run",
                "--server",
                "http://127.0.0.1:" + port,
                "--max-tasks",
                Integer.toString(tasks),
                "--threads",
                "2",
                "--name",
                name,
                "--config-dir",
                home.resolve("config").toString(),
                "--work-dir",
                home.resolve("work").toString(),
                "--no-progress")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean ended = worker.waitFor(420, TimeUnit.SECONDS);
    if (!ended) {
      worker.destroyForcibly();
    }
    String text = Files.readString(log);
    assertThat(ended).as("worker %s finished; log:\n%s", name, text).isTrue();
    return text;
  }

  private static String status(String campaign) throws Exception {
    return JSON.fromJson(send("GET", "campaigns/" + campaign, null).body(), CampaignView.class)
        .status();
  }

  private static HttpResponse<String> send(String method, String path, String json)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/" + path))
            .header("Authorization", "Bearer " + admin);
    if (json != null) {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
