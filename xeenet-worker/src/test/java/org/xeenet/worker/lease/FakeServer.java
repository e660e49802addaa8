package org.xeenet.worker.lease;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.xeenet.api.DatasetRef;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.TaskSpec;
import org.xeenet.worker.dataset.DatasetCache;
import org.xeenet.worker.trainer.TestData;
import org.xeenet.worker.trainer.TrainerEvents;

/**
 * A scriptable v1 server on 127.0.0.1: hands out one task (lease L1), serves the dataset, answers
 * heartbeats (optionally with cancel) and records results. It can be stopped and started again on
 * the same port, as a server that goes down and comes back.
 */
final class FakeServer implements AutoCloseable {
  final List<String> results = new CopyOnWriteArrayList<>();
  final List<String> registrations = new CopyOnWriteArrayList<>();
  final AtomicInteger heartbeats = new AtomicInteger();
  final AtomicInteger leases = new AtomicInteger();
  final AtomicBoolean cancel = new AtomicBoolean();
  final AtomicBoolean trainingSeen = new AtomicBoolean();
  final AtomicBoolean downOnFirstHeartbeat = new AtomicBoolean();
  volatile String codePackage = "builtin:char-lm/1";
  volatile int budget = 3;
  private final byte[] bytes;
  private final String sha;
  private HttpServer server;
  private int port;

  FakeServer() throws IOException {
    Path data = TestData.dataset();
    sha = DatasetCache.sha256Of(data);
    bytes = Files.readAllBytes(data);
    start(0);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  synchronized void start(int wantPort) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", wantPort), 0);
    server.createContext("/api/v1/workers", this::workers);
    server.createContext("/api/v1/datasets/", this::dataset);
    server.createContext("/api/v1/leases/L1/heartbeat", this::heartbeat);
    server.createContext("/api/v1/leases/L1/result", this::result);
    server.start();
    port = server.getAddress().getPort();
  }

  /** Goes down (connections refused) until {@link #restart()}. */
  synchronized void stop() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }

  synchronized void restart() throws IOException {
    start(port);
  }

  boolean running() {
    return server != null;
  }

  @Override
  public void close() {
    stop();
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

  private void workers(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (path.equals("/api/v1/workers")) {
      registrations.add(body);
      send(ex, 201, "{\"worker_id\":\"w1\",\"token\":\"good\"}");
    } else if (!"Bearer good".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      send(ex, 401, "{\"status\":401}");
    } else if (leases.incrementAndGet() == 1) {
      TaskSpec task =
          new TaskSpec(
              "t1",
              "c1",
              TestData.tinyConfig(),
              codePackage,
              budget,
              List.of(11L),
              new DatasetRef(
                  "tinyshakespeare", sha, (long) bytes.length, "/api/v1/datasets/" + sha));
      send(
          ex,
          200,
          TrainerEvents.jsonb().toJson(new LeaseGrant("L1", Instant.now().plusSeconds(6), task)));
    } else {
      ex.getResponseHeaders().set("Retry-After", "1");
      send(ex, 204, null);
    }
  }

  private void dataset(HttpExchange ex) throws IOException {
    ex.sendResponseHeaders(200, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private void heartbeat(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!body.contains("\"step\":0")) {
      trainingSeen.set(true);
    }
    heartbeats.incrementAndGet();
    send(
        ex,
        200,
        "{\"lease_expires_at\":\""
            + Instant.now().plusSeconds(6)
            + "\",\"cancel\":"
            + cancel.get()
            + "}");
    if (downOnFirstHeartbeat.getAndSet(false)) {
      new Thread(this::stop).start();
    }
  }

  private void result(HttpExchange ex) throws IOException {
    results.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    send(ex, 200, "{\"accepted\":true,\"status\":\"completed\"}");
  }
}
