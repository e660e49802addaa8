package org.xeenet.worker.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.jsonb.JsonBindingFeature;
import org.xeenet.api.Heartbeat;
import org.xeenet.api.HeartbeatAck;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.ResultAck;
import org.xeenet.api.TaskResult;
import org.xeenet.api.WorkerCredentials;
import org.xeenet.api.WorkerRegistration;

/** The worker's side of the v1 wire contract (API.md), over a Jersey JAX-RS client. */
public final class XeeNetClient implements AutoCloseable {
  private final String server;
  private final Client client;

  public XeeNetClient(String serverUrl) {
    this(serverUrl, 10, 120);
  }

  /** With these connect and read timeouts, seconds (e.g. short ones for {@code status}). */
  public XeeNetClient(String serverUrl, int connectSeconds, int readSeconds) {
    this.server = CredentialStore.key(serverUrl);
    this.client =
        ClientBuilder.newBuilder()
            .register(JsonBindingFeature.class)
            .connectTimeout(connectSeconds, TimeUnit.SECONDS)
            .readTimeout(readSeconds, TimeUnit.SECONDS)
            .build();
  }

  public String server() {
    return server;
  }

  /** A lease poll's answer: a grant, or none with the server's Retry-After in seconds. */
  public record LeaseOutcome(LeaseGrant grant, Long retryAfterSeconds) {
    public boolean granted() {
      return grant != null;
    }
  }

  public WorkerCredentials register(WorkerRegistration registration) {
    try (Response r =
        client
            .target(api("/workers"))
            .request(MediaType.APPLICATION_JSON_TYPE)
            .post(Entity.json(registration))) {
      expect(r, 201, 200);
      return r.readEntity(WorkerCredentials.class);
    }
  }

  public LeaseOutcome lease(WorkerCredentials creds) {
    try (Response r =
        client
            .target(api("/workers/" + creds.workerId() + "/lease"))
            .request(MediaType.APPLICATION_JSON_TYPE)
            .header(HttpHeaders.AUTHORIZATION, bearer(creds))
            .post(Entity.json(Map.of()))) {
      if (r.getStatus() == 204) {
        return new LeaseOutcome(null, parseRetryAfter(r.getHeaderString(HttpHeaders.RETRY_AFTER)));
      }
      expect(r, 200);
      return new LeaseOutcome(r.readEntity(LeaseGrant.class), null);
    }
  }

  public HeartbeatAck heartbeat(WorkerCredentials creds, String leaseId, Heartbeat hb) {
    try (Response r =
        client
            .target(api("/leases/" + leaseId + "/heartbeat"))
            .request(MediaType.APPLICATION_JSON_TYPE)
            .header(HttpHeaders.AUTHORIZATION, bearer(creds))
            .post(Entity.json(hb))) {
      expect(r, 200);
      return r.readEntity(HeartbeatAck.class);
    }
  }

  public ResultAck submit(WorkerCredentials creds, String leaseId, TaskResult result) {
    try (Response r =
        client
            .target(api("/leases/" + leaseId + "/result"))
            .request(MediaType.APPLICATION_JSON_TYPE)
            .header(HttpHeaders.AUTHORIZATION, bearer(creds))
            .post(Entity.json(result))) {
      expect(r, 200);
      return r.readEntity(ResultAck.class);
    }
  }

  /**
   * {@code GET /me} as this worker: its account (balance_credits, credits_earned,
   * credits_clawed_back, tasks_validated, reputation, quarantined, …) as a JSON object.
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> me(WorkerCredentials creds) {
    try (Response r =
        client
            .target(api("/me"))
            .request(MediaType.APPLICATION_JSON_TYPE)
            .header(HttpHeaders.AUTHORIZATION, bearer(creds))
            .get()) {
      expect(r, 200);
      return r.readEntity(Map.class);
    }
  }

  /**
   * Pairs this worker with the volunteer whose portal showed {@code code}; answers the volunteer's
   * user name. 404: unknown code, 410: used or expired, 400: not a code.
   */
  public String pair(WorkerCredentials creds, String code) {
    try (Response r =
        client
            .target(api("/workers/" + creds.workerId() + "/pair"))
            .request(MediaType.APPLICATION_JSON_TYPE)
            .header(HttpHeaders.AUTHORIZATION, bearer(creds))
            .post(Entity.json(Map.of("code", code)))) {
      expect(r, 200);
      Object volunteer = r.readEntity(Map.class).get("volunteer");
      return volunteer == null ? null : volunteer.toString();
    }
  }

  /**
   * PUTs the checkpoint of a lease's result (after the result, which names its hash); answers the
   * HTTP status: 201 stored, 200 already stored; a 4xx is thrown as an {@link ApiException}.
   */
  public int uploadCheckpoint(WorkerCredentials creds, String leaseId, java.nio.file.Path file) {
    try (Response r =
        client
            .target(api("/leases/" + leaseId + "/checkpoint"))
            .request(MediaType.APPLICATION_JSON_TYPE)
            .header(HttpHeaders.AUTHORIZATION, bearer(creds))
            .put(Entity.entity(file.toFile(), MediaType.APPLICATION_OCTET_STREAM_TYPE))) {
      expect(r, 201, 200);
      return r.getStatus();
    }
  }

  /** GETs a dataset (absolute URL, or relative to the server) with the bearer token. */
  public InputStream openDataset(WorkerCredentials creds, String url) {
    Response r =
        client
            .target(resolve(url))
            .request(MediaType.APPLICATION_OCTET_STREAM_TYPE, MediaType.WILDCARD_TYPE)
            .header(HttpHeaders.AUTHORIZATION, bearer(creds))
            .get();
    try {
      expect(r, 200);
      return r.readEntity(InputStream.class);
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /** A checkpoint's bytes and the sha256 the server names for them. */
  public record CheckpointDownload(InputStream body, String sha256) {}

  /**
   * GETs the checkpoint uploaded under a lease ({@code GET /leases/{id}/checkpoint}): an ASHA
   * promotion resumes its parent's weights from it.
   */
  public CheckpointDownload openCheckpoint(WorkerCredentials creds, String leaseId) {
    Response r =
        client
            .target(api("/leases/" + leaseId + "/checkpoint"))
            .request(MediaType.APPLICATION_OCTET_STREAM_TYPE, MediaType.WILDCARD_TYPE)
            .header(HttpHeaders.AUTHORIZATION, bearer(creds))
            .get();
    try {
      expect(r, 200);
      String sha = r.getHeaderString("X-Checkpoint-SHA256");
      if (sha == null) {
        String etag = r.getHeaderString(HttpHeaders.ETAG);
        sha = etag == null ? null : etag.replace("\"", "");
      }
      return new CheckpointDownload(r.readEntity(InputStream.class), sha);
    } catch (RuntimeException e) {
      r.close();
      throw e;
    }
  }

  /** An absolute URL stays as it is; a relative one is resolved against the server URL. */
  public URI resolve(String url) {
    URI u = URI.create(url);
    if (u.isAbsolute()) {
      return u;
    }
    return URI.create(server + "/").resolve(url.startsWith("/") ? url.substring(1) : url);
  }

  /** Retry-After as seconds (delta form); null when absent or an HTTP date. */
  public static Long parseRetryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Math.max(0, Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String api(String path) {
    return server + "/api/v1" + path;
  }

  private static String bearer(WorkerCredentials c) {
    return "Bearer " + c.token();
  }

  private static void expect(Response r, int... ok) {
    for (int s : ok) {
      if (r.getStatus() == s) {
        return;
      }
    }
    String body = "";
    try {
      if (r.hasEntity()) {
        body = r.readEntity(String.class);
      }
    } catch (ProcessingException | IllegalStateException e) {
      body = "(unreadable body)";
    }
    if (body.length() > 500) {
      body = body.substring(0, 500) + "…";
    }
    throw new ApiException(
        r.getStatus(), body.isEmpty() ? r.getStatusInfo().getReasonPhrase() : body);
  }

  @Override
  public void close() {
    client.close();
  }
}
