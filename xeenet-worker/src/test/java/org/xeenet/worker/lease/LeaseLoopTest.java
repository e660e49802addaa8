package org.xeenet.worker.lease;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xeenet.api.DatasetRef;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.TaskResult;
import org.xeenet.api.TaskSpec;
import org.xeenet.api.WorkerCredentials;
import org.xeenet.api.WorkerRegistration;
import org.xeenet.worker.client.Backoff;
import org.xeenet.worker.client.CredentialStore;
import org.xeenet.worker.client.XeeNetClient;
import org.xeenet.worker.dataset.DatasetCache;
import org.xeenet.worker.device.DeviceProfiler;
import org.xeenet.worker.device.NativesProbe;
import org.xeenet.worker.trainer.ChildJvm;
import org.xeenet.worker.trainer.TestData;
import org.xeenet.worker.trainer.TrainerEvents;

/** The whole loop against a fake server on 127.0.0.1, with the real child trainer. */
class LeaseLoopTest {
  HttpServer server;
  final List<String> results = new CopyOnWriteArrayList<>();
  final AtomicInteger leases = new AtomicInteger();
  final AtomicInteger heartbeats = new AtomicInteger();
  final AtomicInteger registrations = new AtomicInteger();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] b = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
    if (json != null) {
      ex.getResponseHeaders().set("Content-Type", "application/json");
    }
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      ex.getResponseBody().write(b);
    }
    ex.close();
  }

  static boolean authorised(HttpExchange ex) {
    return "Bearer good".equals(ex.getRequestHeaders().getFirst("Authorization"));
  }

  @Test
  void reRegistersOn401ThenLeasesTrainsAndSubmits(@TempDir Path dir) throws Exception {
    Path data = TestData.dataset();
    String sha = DatasetCache.sha256Of(data);
    byte[] bytes = Files.readAllBytes(data);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/workers",
        ex -> {
          String path = ex.getRequestURI().getPath();
          ex.getRequestBody().readAllBytes();
          if (path.equals("/api/v1/workers")) {
            registrations.incrementAndGet();
            send(ex, 201, "{\"worker_id\":\"w1\",\"token\":\"good\"}");
          } else if (!authorised(ex)) {
            send(ex, 401, "{\"status\":401,\"title\":\"Unauthorized\"}");
          } else if (leases.incrementAndGet() == 1) {
            TaskSpec task =
                new TaskSpec(
                    "t1",
                    "c1",
                    TestData.tinyConfig(),
                    "builtin:char-lm/1",
                    3,
                    List.of(11L),
                    new DatasetRef(
                        "tinyshakespeare", sha, (long) bytes.length, "/api/v1/datasets/" + sha));
            LeaseGrant g = new LeaseGrant("L1", Instant.now().plusSeconds(6), task);
            send(ex, 200, TrainerEvents.jsonb().toJson(g));
          } else {
            ex.getResponseHeaders().set("Retry-After", "1");
            send(ex, 204, null);
          }
        });
    server.createContext(
        "/api/v1/datasets/",
        ex -> {
          if (!authorised(ex)) {
            send(ex, 401, "{}");
            return;
          }
          ex.sendResponseHeaders(200, bytes.length);
          ex.getResponseBody().write(bytes);
          ex.close();
        });
    server.createContext(
        "/api/v1/leases/L1/heartbeat",
        ex -> {
          ex.getRequestBody().readAllBytes();
          heartbeats.incrementAndGet();
          send(
              ex,
              200,
              "{\"lease_expires_at\":\"" + Instant.now().plusSeconds(6) + "\",\"cancel\":false}");
        });
    server.createContext(
        "/api/v1/leases/L1/result",
        ex -> {
          results.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          send(ex, 200, "{\"accepted\":true,\"status\":\"completed\"}");
        });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort();

    CredentialStore store = new CredentialStore(dir.resolve("cfg"));
    store.save(url, new WorkerCredentials("w0", "stale"));
    WorkerRegistration reg =
        new WorkerRegistration(
            "test",
            DeviceProfiler.profile(null, null),
            DeviceProfiler.capability(new NativesProbe.Outcome(true, "2.7.1", 0, null)));
    try (XeeNetClient client = new XeeNetClient(url)) {
      LeaseLoop loop =
          new LeaseLoop(
              new LeaseLoop.Settings(1, 1, false, true, false, null, dir.resolve("work")),
              client,
              store,
              new DatasetCache(dir.resolve("work")),
              ChildJvm.fromCodeSource(2),
              () -> reg,
              new Backoff(3, 100, 500));
      assertThat(loop.run()).isZero();
      assertThat(loop.submitted()).isEqualTo(1);
    }
    assertThat(registrations).hasValue(1);
    assertThat(store.load(url)).isEqualTo(new WorkerCredentials("w1", "good"));
    assertThat(heartbeats.get()).isPositive();
    assertThat(results).hasSize(1);
    TaskResult r = TrainerEvents.jsonb().fromJson(results.get(0), TaskResult.class);
    assertThat(r.taskId()).isEqualTo("t1");
    assertThat(r.status()).isEqualTo(TaskResult.COMPLETED);
    assertThat(r.simulated()).isFalse();
    assertThat(r.valBpb()).isFinite();
    assertThat(results.get(0)).contains("\"steps_completed\"").contains("\"curve\"");
    assertThat(Files.isRegularFile(dir.resolve("work/datasets").resolve(sha))).isTrue();
  }
}
