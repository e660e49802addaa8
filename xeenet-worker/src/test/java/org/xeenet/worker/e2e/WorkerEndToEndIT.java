package org.xeenet.worker.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.xeenet.api.BriefSpec;
import org.xeenet.api.CampaignView;
import org.xeenet.api.TaskPage;
import org.xeenet.api.TaskView;

/**
 * The real thing, end to end: the server started by {@code ./xeenet server} on Payara Micro and
 * embedded Derby, the shaded worker jar training a tiny model with DJL for a few seconds, and the
 * result read back through the API, then again after a server restart on the same data directory.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkerEndToEndIT {
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static Path root;
  private static Path dataDir;
  private static int port;
  private static Process server;
  private static String admin;
  private static String campaignId;
  private static TaskView trained;

  @BeforeAll
  static void startServer() throws Exception {
    root = Path.of(System.getProperty("xeenet.root")).toRealPath();
    Path work = Path.of(System.getProperty("xeenet.e2e.dir"));
    dataDir = work.resolve("data-" + System.currentTimeMillis());
    Files.createDirectories(dataDir);
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = startXeenetServer();
    admin = Files.readString(dataDir.resolve("admin-token"), StandardCharsets.UTF_8).strip();
  }

  @AfterAll
  static void stopServer() throws Exception {
    stop(server);
  }

  @Test
  @Order(1)
  void theWorkerJarTrainsATaskAndItsResultIsVisibleThroughTheApi() throws Exception {
    BriefSpec brief =
        new BriefSpec(
            "end to end",
            "a tiny model for a few seconds",
            1,
            8,
            null,
            Map.of(
                "n_layer", 1,
                "n_head", 2,
                "n_embd", 32,
                "block_size", 32,
                "batch_size", 8,
                "learning_rate", 0.002,
                "warmup_steps", 10),
            null,
            null,
            null,
            null,
            null,
            7L,
            null);
    HttpResponse<String> created = post("briefs", JSON.toJson(brief));
    assertThat(created.statusCode()).isEqualTo(201);
    campaignId = JSON.fromJson(created.body(), CampaignView.class).campaignId();
    awaitCampaignStatus("RUNNING");

    Path workerHome = dataDir.resolve("worker-home");
    Process worker =
        new ProcessBuilder(
                javaExecutable(),
                "-Dai.djl.offline=true",
                "-jar",
                System.getProperty("xeenet.worker.jar"),
                "run",
                "--server",
                "http://127.0.0.1:" + port,
                "--max-tasks",
                "1",
                "--threads",
                "2",
                "--name",
                "e2e-worker",
                "--config-dir",
                workerHome.resolve("config").toString(),
                "--work-dir",
                workerHome.resolve("work").toString(),
                "--no-progress")
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("worker.log").toFile())
            .start();
    boolean ended = worker.waitFor(240, TimeUnit.SECONDS);
    if (!ended) {
      worker.destroyForcibly();
    }
    String log = Files.readString(dataDir.resolve("worker.log"));
    assertThat(ended).as("worker finished in time; log:\n%s", log).isTrue();
    assertThat(worker.exitValue()).as("worker exit code; log:\n%s", log).isZero();

    TaskPage tasks =
        JSON.fromJson(get("campaigns/" + campaignId + "/tasks").body(), TaskPage.class);
    assertThat(tasks.items()).hasSize(1);
    trained = tasks.items().get(0);
    assertThat(trained.status()).as("task %s", trained).isEqualTo("VALID");
    assertThat(trained.valBpb()).isNotNull().isFinite().isBetween(0.5, 8.0);
    assertThat(trained.stepsCompleted()).isPositive();
    assertThat(trained.deviceUsed()).isEqualTo("cpu");
    assertThat(trained.simulated()).isFalse();
    assertThat(trained.wallTimeSeconds()).isPositive();
    CampaignView campaign =
        JSON.fromJson(get("campaigns/" + campaignId).body(), CampaignView.class);
    assertThat(campaign.status()).isEqualTo("COMPLETED");
    assertThat(campaign.best().valBpb()).isEqualTo(trained.valBpb());
    // the volunteer's status command, from a second terminal: tasks done and the credits the
    // server gave for the validated task (GET /me with the worker's token)
    Process status =
        new ProcessBuilder(
                javaExecutable(),
                "-jar",
                System.getProperty("xeenet.worker.jar"),
                "status",
                "--config-dir",
                workerHome.resolve("config").toString())
            .redirectErrorStream(true)
            .start();
    String shown = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(status.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(status.exitValue()).as(shown).isZero();
    assertThat(shown)
        .as(shown)
        .contains("tasks done:        1")
        .containsPattern("credits earned:    [0-9.]+ \\(balance [0-9.]+, 1 tasks validated");
    System.out.println("e2e status:\n" + shown);

    // --gpu on this machine (CPU libtorch, no CUDA): the worker stops at once and says why
    Process gpu =
        new ProcessBuilder(
                javaExecutable(),
                "-Dai.djl.offline=true",
                "-jar",
                System.getProperty("xeenet.worker.jar"),
                "run",
                "--server",
                "http://127.0.0.1:" + port,
                "--gpu",
                "--config-dir",
                workerHome.resolve("config").toString(),
                "--work-dir",
                workerHome.resolve("work").toString())
            .redirectErrorStream(true)
            .start();
    String gpuOut = new String(gpu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(gpu.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(gpu.exitValue()).as(gpuOut).isEqualTo(4);
    assertThat(gpuOut).contains("--gpu: the loaded libtorch 2.7.1").contains("sees no CUDA GPU");
    System.out.printf(
        "e2e: val_bpb=%.4f steps=%d wall=%.1fs steps/s=%.1f%n",
        trained.valBpb(),
        trained.stepsCompleted(),
        trained.wallTimeSeconds(),
        trained.stepsCompleted() / trained.wallTimeSeconds());
  }

  @Test
  @Order(2)
  void tasksAndResultsSurviveAServerRestartOnTheSameDataDirectory() throws Exception {
    assertThat(trained).as("the end-to-end test ran first").isNotNull();
    // a queued campaign too, so that unfinished work is checked as well as results
    HttpResponse<String> created =
        post(
            "briefs",
            "{\"title\":\"waiting\",\"num_tasks\":3,\"time_budget_per_task\":30,\"seed\":5}");
    assertThat(created.statusCode()).isEqualTo(201);
    String waiting = JSON.fromJson(created.body(), CampaignView.class).campaignId();
    awaitStatus(waiting, "RUNNING");
    List<TaskView> queuedBefore =
        JSON.fromJson(get("campaigns/" + waiting + "/tasks").body(), TaskPage.class).items();

    stop(server);
    server = startXeenetServer();

    TaskView after =
        JSON.fromJson(get("campaigns/" + campaignId + "/tasks").body(), TaskPage.class)
            .items()
            .get(0);
    assertThat(after.taskId()).isEqualTo(trained.taskId());
    assertThat(after.status()).isEqualTo("VALID");
    assertThat(after.valBpb()).isEqualTo(trained.valBpb());
    assertThat(after.stepsCompleted()).isEqualTo(trained.stepsCompleted());
    assertThat(after.config()).isEqualTo(trained.config());
    assertThat(JSON.fromJson(get("campaigns/" + campaignId).body(), CampaignView.class).status())
        .isEqualTo("COMPLETED");

    List<TaskView> queuedAfter =
        JSON.fromJson(get("campaigns/" + waiting + "/tasks").body(), TaskPage.class).items();
    assertThat(queuedAfter)
        .extracting(TaskView::taskId)
        .containsExactlyElementsOf(queuedBefore.stream().map(TaskView::taskId).toList());
    assertThat(queuedAfter).allMatch(t -> t.status().equals("QUEUED"));
  }

  @Test
  @Order(3)
  void aVolunteerPairsTheWorkerJarWithAOneTimeCodeAndSeesItsCredits() throws Exception {
    assertThat(trained).as("the end-to-end test ran first").isNotNull();
    HttpResponse<String> opened = post("volunteers", "{\"name\":\"e2e volunteer\"}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    String volunteer = (String) JSON.fromJson(opened.body(), Map.class).get("token");
    HttpResponse<String> issued =
        HTTP.send(
            HttpRequest.newBuilder(api("pairing-codes"))
                .header("Authorization", "Bearer " + volunteer)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    String code = (String) JSON.fromJson(issued.body(), Map.class).get("code");

    // the same worker (its credentials from the run above) pairs with the code, once
    Path config = dataDir.resolve("worker-home").resolve("config");
    assertThat(pairCommand(code, config)).contains("paired worker");
    assertThat(pairCommand(code, config)).contains("used or has expired");

    HttpResponse<String> me =
        HTTP.send(
            HttpRequest.newBuilder(api("me"))
                .header("Authorization", "Bearer " + volunteer)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    Map<?, ?> account = JSON.fromJson(me.body(), Map.class);
    assertThat(account.get("role")).isEqualTo("volunteer");
    assertThat(me.body()).contains("e2e-worker");
    assertThat(((Number) account.get("credits_earned")).doubleValue())
        .as("credits of the task trained above")
        .isPositive();
  }

  /** Runs {@code pair CODE} of the worker jar; answers its output. */
  private static String pairCommand(String code, Path config) throws Exception {
    Process pair =
        new ProcessBuilder(
                javaExecutable(),
                "-jar",
                System.getProperty("xeenet.worker.jar"),
                "pair",
                code,
                "--server",
                "http://127.0.0.1:" + port,
                "--config-dir",
                config.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(pair.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(pair.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return output;
  }

  // ---- helpers

  private static Process startXeenetServer() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", root.resolve("xeenet").toString(), "server")
            .directory(root.toFile())
            .redirectErrorStream(true);
    builder.environment().put("XEENET_PORT", Integer.toString(port));
    builder.environment().put("XEENET_DATA_DIR", dataDir.toString());
    long started = System.nanoTime();
    Process process = builder.start();
    CompletableFuture<String> ready =
        CompletableFuture.supplyAsync(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                StringBuilder seen = new StringBuilder();
                while ((line = out.readLine()) != null) {
                  seen.append(line).append('\n');
                  if (line.contains("ready")) {
                    // keep draining so the script never blocks on a full pipe
                    Thread drain =
                        new Thread(
                            () -> {
                              try {
                                while (out.readLine() != null) {
                                  // discard
                                }
                              } catch (IOException ignored) {
                                // the server stopped
                              }
                            });
                    drain.setDaemon(true);
                    drain.start();
                    return line;
                  }
                }
                throw new IllegalStateException("server ended before ready:\n" + seen);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    String line = ready.get(300, TimeUnit.SECONDS);
    System.out.printf("e2e: '%s' after %.1f s%n", line, (System.nanoTime() - started) / 1e9);
    return process;
  }

  private static void stop(Process process) throws InterruptedException {
    if (process == null) {
      return;
    }
    process.toHandle().descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    // the Payara process itself must be gone before the next start
    for (int i = 0; i < 60 && process.toHandle().descendants().findAny().isPresent(); i++) {
      Thread.sleep(500);
    }
  }

  private static void awaitCampaignStatus(String status) throws Exception {
    awaitStatus(campaignId, status);
  }

  private static void awaitStatus(String id, String status) throws Exception {
    CampaignView last = null;
    for (int i = 0; i < 120; i++) {
      last = JSON.fromJson(get("campaigns/" + id).body(), CampaignView.class);
      if (last.status().equals(status)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("campaign never became " + status + ": " + last);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(api(path)).header("Authorization", "Bearer " + admin).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(api(path))
            .header("Authorization", "Bearer " + admin)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI api(String path) {
    return URI.create("http://127.0.0.1:" + port + "/api/v1/" + path);
  }

  private static String javaExecutable() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
