package org.xeenet.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A plain HTTP client for the v1 API, as a third-party client would talk to it; shared by the
 * integration tests of every feature.
 */
public final class ApiClient {
  public static final Jsonb JSON = JsonbBuilder.create();
  private final HttpClient http;
  private final URI api;

  public ApiClient(URI base) {
    this(base, HttpClient.Version.HTTP_2);
  }

  /**
   * A client speaking the given HTTP version. Load generators use HTTP/1.1, as plain workers do:
   * the JDK's default (HTTP/2) asks for an h2c upgrade on every new cleartext connection, and with
   * 200 connections opened at once most of them failed (the "200-worker collapse" of
   * BENCHMARKS.md).
   */
  public ApiClient(URI base, HttpClient.Version version) {
    this.api = base.resolve("api/v1/");
    this.http =
        HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10)).build();
  }

  public URI api() {
    return api;
  }

  public HttpResponse<String> get(String path, String token) {
    return send(request(path, token).GET());
  }

  public HttpResponse<byte[]> getBytes(String url, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> post(String path, String token, Object body, String... headers) {
    String json = body == null ? "" : body instanceof String s ? s : JSON.toJson(body);
    HttpRequest.Builder builder =
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  public static <T> T read(HttpResponse<String> response, Class<T> type) {
    return JSON.fromJson(response.body(), type);
  }

  public static <T> T read(HttpResponse<String> response, Type type) {
    return JSON.fromJson(response.body(), type);
  }

  /** Registers a 2-core CPU worker that runs the built-in char-LM package. */
  public WorkerCredentials registerWorker(String name) {
    return registerWorker(
        name, new ResourceProfile(2, 8.0, null, null, "Linux", "amd64", null), "builtin:char-lm/1");
  }

  public WorkerCredentials registerWorker(
      String name, ResourceProfile profile, String codePackage) {
    WorkerRegistration registration =
        new WorkerRegistration(
            name,
            profile,
            new TrainingCapability(
                "java-17",
                "pytorch",
                "2.7.1",
                true,
                profile.gpuName() != null,
                List.of(codePackage)));
    return expect(post("workers", null, registration), 201, WorkerCredentials.class);
  }

  /** Leases the worker's next task; anything but 200 fails the test. */
  public LeaseGrant lease(WorkerCredentials worker) {
    return expect(
        post("workers/" + worker.workerId() + "/lease", worker.token(), "{}"),
        200,
        LeaseGrant.class);
  }

  /** Opens a researcher account as the administrator and answers its token. */
  public String openResearcher(String adminToken, String name) {
    return (String)
        expect(post("researchers", adminToken, Map.of("name", name)), 201, Map.class).get("token");
  }

  private static <T> T expect(HttpResponse<String> response, int status, Class<T> type) {
    if (response.statusCode() != status) {
      throw new AssertionError(
          "expected " + status + " but got " + response.statusCode() + ": " + response.body());
    }
    return read(response, type);
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
