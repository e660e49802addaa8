package org.xeenet.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code ./xeenet bench fuzz [--url URL --admin TOKEN]}: reads {@code /openapi} (as JSON) of a
 * server of its own (embedded Derby in a temporary directory; or of {@code --url}) and sends
 * malformed, oversized, wrong-typed and boundary inputs to every route: bad JSON, wrong types, huge
 * strings, negative and huge numbers, unknown ids, missing, forged, other-worker and
 * other-researcher tokens, wrong methods, media types and unknown routes. Every input is one the
 * server must refuse. Counts answers 5xx, 4xx/5xx answers that are not {@code
 * application/problem+json}, bad inputs answered 2xx, and whether campaigns, tasks, workers online,
 * balances and the ledger changed (compared through the API before and after). The last line is one
 * JSON object.
 */
public final class FuzzBenchmark {
  private static final String ADMIN = "fuzz-benchmark-admin-token";
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final String PROBLEM = "application/problem+json";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final URI base;
  private final String admin;
  private int requests;
  private int status5xx;
  private int nonProblem;
  private int acceptedBad;
  private int listenerRejections;
  private int lenientReads;
  private int noAnswer;
  private final Map<Integer, Integer> byStatus = new TreeMap<>();
  private final List<String> findings = new ArrayList<>();

  // fixtures
  private String researcher1;
  private String researcher2;
  private String campaign;
  private String worker1;
  private String worker1Token;
  private String worker2Token;
  private String lease;
  private String task;
  private String dataset;

  private FuzzBenchmark(URI base, String admin) {
    this.base = base;
    this.admin = admin;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    if (options.containsKey("url")) {
      String url = options.get("url");
      new FuzzBenchmark(URI.create(url.endsWith("/") ? url : url + "/"), options.get("admin"))
          .run();
      return;
    }
    Path data = Files.createTempDirectory("xeenet-bench-fuzz");
    ServerProcess server =
        ServerProcess.start(ServerProcess.freePort(), data, Map.of("XEENET_ADMIN_TOKEN", ADMIN));
    try {
      new FuzzBenchmark(server.base(), ADMIN).run();
    } finally {
      server.stop();
    }
  }

  private void run() throws Exception {
    long start = System.nanoTime();
    fixtures();
    Map<String, Object> before = snapshot();
    Map<String, Map<String, Object>> routes = routes();
    System.out.printf("%d routes in /openapi%n", routes.size());
    for (var route : routes.entrySet()) {
      for (var operation : route.getValue().entrySet()) {
        fuzz(route.getKey(), operation.getKey().toUpperCase(), asMap(operation.getValue()));
      }
      wrongMethods(route.getKey(), route.getValue().keySet());
    }
    unknownRoutes();
    // a header beyond the HTTP listener's limit: refused by Grizzly before the application
    HttpResponse<String> oversized =
        exchange("GET", "campaigns", "Bearer " + LONG, null, null, null);
    if (oversized == null || oversized.statusCode() < 400) {
      findings.add("a 10 KB Authorization header was not refused");
    }
    Thread.sleep(6000); // queue metrics refresh every 5 s
    Map<String, Object> after = snapshot();
    List<String> changed = new ArrayList<>();
    for (String key : before.keySet()) {
      if (!String.valueOf(before.get(key)).equals(String.valueOf(after.get(key)))) {
        changed.add(key + ": " + before.get(key) + " -> " + after.get(key));
      }
    }
    after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(k -> changed.add(k));
    int writes = changed.size() + acceptedBad;
    findings.forEach(f -> System.out.println("finding: " + f));
    changed.forEach(c -> System.out.println("changed: " + c));
    System.out.println("answers by status: " + byStatus);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("benchmark", "fuzz");
    summary.put("routes", routes.size());
    summary.put("requests", requests);
    summary.put("status_5xx", status5xx);
    summary.put("non_problem_json", nonProblem);
    summary.put("accepted_bad_input", acceptedBad);
    summary.put("lenient_reads", lenientReads);
    summary.put("container_rejections_without_body", listenerRejections);
    summary.put("closed_without_answer", noAnswer);
    summary.put("state_changes", changed.size());
    summary.put("writes_from_bad_input", writes);
    summary.put("seconds", Math.round((System.nanoTime() - start) / 1e8) / 10.0);
    System.out.println(JSON.toJson(summary));
  }

  // ---------------------------------------------------------------- fixtures and state

  private void fixtures() throws Exception {
    researcher1 = token(send("POST", "researchers", admin, "{\"name\":\"fuzz-r1\"}", JSON_CT));
    researcher2 = token(send("POST", "researchers", admin, "{\"name\":\"fuzz-r2\"}", JSON_CT));
    HttpResponse<String> brief =
        send(
            "POST",
            "briefs",
            researcher1,
            "{\"title\":\"fuzz\",\"num_tasks\":4,\"time_budget_per_task\":600}",
            JSON_CT);
    campaign = field(brief, "campaign_id");
    for (int i = 0; i < 240; i++) {
      if ("RUNNING".equals(field(send("GET", "campaigns/" + campaign, researcher1), "status"))) {
        break;
      }
      Thread.sleep(500);
    }
    String registration =
        "{\"name\":\"%s\",\"training_capability\":{\"code_packages\":[\"builtin:char-lm/1\"]}}";
    HttpResponse<String> w1 =
        send("POST", "workers", null, String.format(registration, "fuzz-w1"), JSON_CT);
    worker1 = field(w1, "worker_id");
    worker1Token = field(w1, "token");
    worker2Token =
        field(
            send("POST", "workers", null, String.format(registration, "fuzz-w2"), JSON_CT),
            "token");
    HttpResponse<String> grant =
        send("POST", "workers/" + worker1 + "/lease", worker1Token, "{}", JSON_CT);
    Map<String, Object> lease = asMap(JSON.fromJson(grant.body(), Map.class));
    this.lease = String.valueOf(lease.get("lease_id"));
    Map<String, Object> taskSpec = asMap(lease.get("task"));
    task = String.valueOf(taskSpec.get("task_id"));
    Object ds = taskSpec.get("dataset");
    dataset = ds == null ? "0".repeat(64) : String.valueOf(asMap(ds).get("sha256"));
    requests = 0;
    byStatus.clear();
  }

  private Map<String, Object> snapshot() {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put(
        "campaigns",
        send("GET", "campaigns", admin)
            .body()
            .replaceAll("\"(updated|checked|generated)_at\":\"[^\"]*\"", ""));
    state.put("tasks", send("GET", "campaigns/" + campaign + "/tasks?page_size=500", admin).body());
    HttpResponse<String> verify = send("GET", "ledger/verify", admin);
    if (verify.statusCode() != 200) {
      throw new IllegalStateException(
          "ledger/verify: " + verify.statusCode() + " " + verify.body());
    }
    Map<String, Object> ledger = asMap(JSON.fromJson(verify.body(), Map.class));
    ledger.remove("checked_at");
    state.put("ledger", ledger);
    for (String who : List.of(admin, researcher1, researcher2)) {
      state.put("me:" + who.hashCode(), send("GET", "me", who).body());
    }
    state.put("me:worker1", send("GET", "me", worker1Token).body());
    String metrics = get(base.resolve("metrics"));
    metrics
        .lines()
        .filter(l -> l.startsWith("xeenet_tasks") || l.startsWith("xeenet_workers_online"))
        .forEach(
            l ->
                state.put(l.substring(0, l.lastIndexOf(' ')), l.substring(l.lastIndexOf(' ') + 1)));
    return state;
  }

  private Map<String, Map<String, Object>> routes() throws Exception {
    HttpResponse<String> doc =
        http.send(
            HttpRequest.newBuilder(base.resolve("openapi"))
                .header("Accept", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Map<String, Object> openapi = asMap(JSON.fromJson(doc.body(), Map.class));
    Map<String, Map<String, Object>> routes = new TreeMap<>();
    asMap(openapi.get("paths")).forEach((path, item) -> routes.put(path, asMap(item)));
    return routes;
  }

  // ---------------------------------------------------------------- generators

  private static final String JSON_CT = "application/json";
  private static final String HUGE = "x".repeat(1_000_000);
  private static final String LONG = "y".repeat(10_000);
  private static final List<String> BAD_IDS =
      List.of(
          UUID.randomUUID().toString(),
          "' OR '1'='1",
          "%00",
          "..%2F..%2Fetc%2Fpasswd",
          "-1",
          "99999999999999999999999",
          "%F0%9F%92%A9",
          "z".repeat(5000),
          "%25s%25n");
  private static final List<String> BAD_BODIES =
      List.of(
          "",
          "{",
          "[]",
          "null",
          "123",
          "\"text\"",
          "{\"a\":",
          "{\"a\":1,}",
          "[".repeat(5000) + "]".repeat(5000),
          "{\"x\":\"" + HUGE + "\"}",
          "\u0000\u0001",
          "{'single':'quotes'}",
          "true");
  private static final List<String> BAD_NUMBERS =
      List.of(
          "-1",
          "-2147483649",
          "2147483648",
          "9223372036854775808",
          "1e400",
          "-1e400",
          "1.5e300",
          "\"NaN\"",
          "\"Infinity\"",
          "\"x\"",
          "true",
          "[]",
          "{}");

  private void fuzz(String template, String method, Map<String, Object> operation) {
    boolean worker =
        template.contains("/leases/")
            || template.contains("/workers/{")
            || template.contains("/datasets/");
    boolean registration = template.equals("/api/v1/workers");
    String goodToken =
        worker
            ? worker1Token
            : registration
                ? null
                : template.contains("/me") || template.contains("leaderboard")
                    ? researcher1
                    : admin;
    String good = fill(template, null);
    boolean body = operation.containsKey("requestBody");
    boolean post = "POST".equals(method);

    // authentication: missing, forged, malformed, oversized, wrong kind, other owner
    if (!registration) {
      for (String auth :
          List.of(
              "",
              "Bearer ",
              "Bearer forged-" + UUID.randomUUID(),
              "Basic YTpi",
              "Bearer " + LONG.substring(0, 6000),
              "Bearer %00%0d%0a")) {
        expectRefused(method, good, auth, body ? "{}" : null, JSON_CT, null);
      }
      if (!template.contains("/me") && !template.contains("leaderboard")) {
        expectRefused(
            method,
            good,
            "Bearer " + (worker ? researcher1 : worker1Token),
            body ? "{}" : null,
            JSON_CT,
            null);
      }
      if (worker) {
        expectRefused(method, good, "Bearer " + worker2Token, body ? "{}" : null, JSON_CT, null);
      } else if (template.contains("{id}")) {
        expectRefused(method, good, "Bearer " + researcher2, body ? "{}" : null, JSON_CT, null);
      }
      if (template.contains("/operations/")
          || template.contains("/ledger/")
          || template.contains("/researchers")
          || template.contains("/trust/")) {
        expectRefused(method, good, "Bearer " + researcher1, body ? "{}" : null, JSON_CT, null);
      }
    }
    if (template.endsWith("/backup")) {
      goodToken = researcher1; // only the typed bodies below go with the administrator's token
    }
    String auth = goodToken == null ? null : "Bearer " + goodToken;

    // unknown and hostile path parameters
    if (template.contains("{")) {
      for (String id : BAD_IDS) {
        expectRefused(method, fill(template, id), auth, body ? "{}" : null, JSON_CT, null);
      }
    }
    // query parameters
    List<Object> parameters =
        operation.get("parameters") instanceof List<?> l ? new ArrayList<>(l) : List.of();
    for (Object p : parameters) {
      Map<String, Object> parameter = asMap(p);
      if (!"query".equals(parameter.get("in")) || post) {
        continue;
      }
      String name = String.valueOf(parameter.get("name"));
      for (String value :
          List.of(
              "-1",
              "0",
              "-2147483649",
              "2147483648",
              "99999999999",
              "abc",
              "1.5",
              "%00",
              LONG.substring(0, 3000),
              "bogus-value")) {
        if ((name.equals("page") || name.equals("page_size") || name.equals("limit"))
            && (value.equals("bogus-value"))) {
          continue;
        }
        if ((name.equals("status") || name.equals("sort"))
            && (value.equals("-1") || value.equals("0"))) {
          continue;
        }
        expectRefused(method, good + "?" + name + "=" + value, auth, null, JSON_CT, null);
      }
    }
    // headers
    if (template.endsWith("/lease")) {
      expectRefused(
          method, good, auth, "{}", JSON_CT, Map.of("Idempotency-Key", LONG.substring(0, 4000)));
    }
    if (!body) {
      if (!post) {
        expectAny(method, good, auth, null, null, Map.of("Accept", "application/xml"));
      }
      return;
    }
    // bodies: malformed, wrong media type, wrong types
    for (String b : BAD_BODIES) {
      boolean optional =
          template.endsWith("/heartbeat") && (b.equals("null") || b.startsWith("{\"x\""));
      if (optional) {
        // a heartbeat's progress is optional and unknown fields are ignored: allowed, not counted
        expectAny(method, good, auth, b, JSON_CT, null);
      } else {
        expectRefused(method, good, auth, b, JSON_CT, null);
      }
    }
    for (String ct :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "application/json; charset=ebcdic")) {
      expectRefused(method, good, auth, "{\"name\":1}", ct, null);
    }
    String typedAuth = template.endsWith("/backup") ? "Bearer " + admin : auth;
    for (String b : typedBodies(template)) {
      expectRefused(method, good, typedAuth, b, JSON_CT, null);
    }
  }

  /** Wrong-typed, out-of-range and oversized fields of each route's body, each one refused. */
  private List<String> typedBodies(String template) {
    List<String> bodies = new ArrayList<>();
    if (template.endsWith("/briefs")) {
      String valid = "\"title\":\"t\",\"num_tasks\":2,\"time_budget_per_task\":60";
      for (String n : BAD_NUMBERS) {
        bodies.add("{\"title\":\"t\",\"num_tasks\":" + n + ",\"time_budget_per_task\":60}");
        bodies.add("{\"title\":\"t\",\"num_tasks\":2,\"time_budget_per_task\":" + n + "}");
        if (!n.equals("-1") && !n.equals("0") && !n.equals("null")) {
          bodies.add("{" + valid + ",\"priority\":" + n + "}");
        }
      }
      bodies.add("{\"title\":\"t\",\"num_tasks\":0,\"time_budget_per_task\":60}");
      bodies.add("{\"title\":\"t\",\"num_tasks\":2,\"time_budget_per_task\":0}");
      bodies.add("{\"title\":\"t\",\"num_tasks\":null,\"time_budget_per_task\":60}");
      bodies.add("{\"title\":\"" + LONG + "\",\"num_tasks\":2,\"time_budget_per_task\":60}");
      bodies.add("{\"title\":null,\"num_tasks\":2,\"time_budget_per_task\":60}");
      bodies.add("{\"title\":\"\",\"num_tasks\":2,\"time_budget_per_task\":60}");
      bodies.add("{\"title\":123,\"num_tasks\":\"2\",\"time_budget_per_task\":[60]}");
      bodies.add("{" + valid + ",\"description\":\"" + HUGE + "\"}");
      bodies.add("{" + valid + ",\"search_space\":\"n_layer\"}");
      bodies.add("{" + valid + ",\"search_space\":{\"n_layer\":{\"low\":5,\"high\":1}}}");
      bodies.add("{" + valid + ",\"search_space\":{\"n_layer\":{\"low\":-5,\"high\":1e300}}}");
      bodies.add(
          "{"
              + valid
              + ",\"search_space\":{\"learning_rate\":{\"low\":0,\"high\":1,\"log\":true}}}");
      bodies.add("{" + valid + ",\"search_space\":{\"unknown_param\":[1,2]}}");
      bodies.add("{" + valid + ",\"search_space\":{\"n_layer\":[]}}");
      bodies.add("{" + valid + ",\"search_space\":{\"n_embd\":\"x\"}}");
      bodies.add("{" + valid + ",\"search_space\":{\"dropout\":[-1,2]}}");
      bodies.add("{" + valid + ",\"dataset\":\"../../etc/passwd\"}");
      bodies.add("{" + valid + ",\"dataset\":{\"name\":\"" + LONG + "\"}}");
      bodies.add("{" + valid + ",\"search\":\"bogus\"}");
      bodies.add("{" + valid + ",\"hardware\":{\"cpu_cores\":-1}}");
      bodies.add("{" + valid + ",\"hardware\":\"big\"}");
    } else if (template.endsWith("/workers")) {
      for (String n : BAD_NUMBERS) {
        bodies.add("{\"name\":\"w\",\"resource_profile\":{\"cpu_cores\":" + n + ",\"ram_gb\":8}}");
        bodies.add("{\"name\":\"w\",\"resource_profile\":{\"cpu_cores\":2,\"ram_gb\":" + n + "}}");
      }
      bodies.add("{\"name\":\"w\",\"resource_profile\":{\"cpu_cores\":0}}");
      bodies.add("{\"name\":\"w\",\"resource_profile\":{\"os\":\"" + LONG + "\"}}");
      bodies.add("{\"name\":\"w\",\"resource_profile\":{\"gpu_vram_gb\":1e400}}");
      bodies.add("{\"name\":\"" + LONG + "\"}");
      bodies.add("{\"name\":[\"w\"]}");
      bodies.add("{\"name\":\"w\",\"training_capability\":\"all\"}");
      bodies.add(
          "{\"name\":\"w\",\"training_capability\":{\"code_packages\":\"builtin:char-lm/1\"}}");
      bodies.add("{\"name\":\"w\",\"training_capability\":{\"code_packages\":[\"" + LONG + "\"]}}");
      bodies.add(
          "{\"name\":\"w\",\"training_capability\":{\"code_packages\":["
              + "\"p\",".repeat(5000)
              + "\"p\"]}}");
      bodies.add("{\"name\":\"w\",\"resource_profile\":\"fast\"}");
    } else if (template.endsWith("/result")) {
      String ok =
          "\"task_id\":\""
              + task
              + "\",\"status\":\"completed\",\"steps_completed\":50,\"wall_time_seconds\":1.0,\"device_used\":\"cpu\",\"simulated\":true,\"tokens_processed\":500";
      for (String n : BAD_NUMBERS) {
        bodies.add("{" + ok + ",\"val_bpb\":" + n + "}");
        bodies.add(
            "{"
                + ok.replace("\"steps_completed\":50", "\"steps_completed\":" + n)
                + ",\"val_bpb\":2.5}");
        bodies.add(
            "{"
                + ok.replace("\"wall_time_seconds\":1.0", "\"wall_time_seconds\":" + n)
                + ",\"val_bpb\":2.5}");
      }
      bodies.add("{" + ok.replace(task, UUID.randomUUID().toString()) + ",\"val_bpb\":2.5}");
      bodies.add("{" + ok.replace("completed", "bogus") + ",\"val_bpb\":2.5}");
      bodies.add("{" + ok.replace("\"cpu\"", "\"" + LONG + "\"") + ",\"val_bpb\":2.5}");
      bodies.add("{" + ok + ",\"val_bpb\":2.5,\"curve\":\"x\"}");
      bodies.add("{" + ok + ",\"val_bpb\":2.5,\"curve\":[{\"step\":-1,\"val_bpb\":\"x\"}]}");
      bodies.add("{" + ok + ",\"val_bpb\":2.5,\"error\":\"" + HUGE + "\"}");
    } else if (template.endsWith("/heartbeat")) {
      for (String n : BAD_NUMBERS) {
        bodies.add("{\"step\":" + n + ",\"train_loss\":2.5}");
        bodies.add("{\"step\":1,\"train_loss\":" + n + "}");
      }
    } else if (template.endsWith("/researchers")) {
      bodies.add("{\"name\":\"" + LONG + "\"}");
      bodies.add("{\"name\":null}");
      bodies.add("{\"name\":\"\"}");
      bodies.add("{\"name\":123}");
      bodies.add("{\"name\":{\"a\":1}}");
    } else if (template.endsWith("/clawback")) {
      bodies.add("{\"reason\":\"" + HUGE + "\"}");
      bodies.add("{\"reason\":[1]}");
    } else if (template.endsWith("/backup")) {
      for (String d : List.of("/etc/xeenet", "../../../tmp/x", "/", "\\u0000", LONG)) {
        bodies.add("{\"directory\":\"" + d + "\"}");
      }
      bodies.add("{\"directory\":[\"a\"]}");
    }
    return bodies;
  }

  private void wrongMethods(String template, java.util.Set<String> allowed) {
    for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
      if (!allowed.contains(method.toLowerCase())) {
        boolean withBody = !method.equals("GET") && !method.equals("DELETE");
        expectRefused(
            method, fill(template, null), "Bearer " + admin, withBody ? "{}" : null, JSON_CT, null);
      }
    }
  }

  private void unknownRoutes() {
    for (String path :
        List.of(
            "nope",
            "campaigns/" + campaign + "/nope",
            "workers/x/y/z",
            "campaigns/..%2Fnope",
            "..%2Fv2%2Fcampaigns",
            "campaigns/" + LONG,
            "api/v1/campaigns",
            "leases",
            "trust",
            "operations")) {
      for (String method : List.of("GET", "POST", "DELETE")) {
        expectRefused(
            method, path, "Bearer " + admin, method.equals("POST") ? "{}" : null, JSON_CT, null);
      }
    }
  }

  private String fill(String template, String id) {
    String path = template.replaceFirst("^/api/v1/", "");
    if (id != null) {
      return path.replaceAll("\\{[^}]+}", id);
    }
    return path.replace("{id}", campaign)
        .replace("{workerId}", worker1)
        .replace("{worker_id}", worker1)
        .replace("{leaseId}", lease)
        .replace("{lease_id}", lease)
        .replace("{sha256}", dataset);
  }

  // ---------------------------------------------------------------- HTTP

  private void expectRefused(
      String method,
      String path,
      String auth,
      String body,
      String ct,
      Map<String, String> headers) {
    HttpResponse<String> answer = exchange(method, path, auth, body, ct, headers);
    if (answer != null && answer.statusCode() < 400) {
      if (method.equals("GET")) {
        lenientReads++;
      } else {
        acceptedBad++;
      }
      note("accepted " + answer.statusCode(), method, path, body, answer);
    }
  }

  private void expectAny(
      String method,
      String path,
      String auth,
      String body,
      String ct,
      Map<String, String> headers) {
    exchange(method, path, auth, body, ct, headers);
  }

  private HttpResponse<String> exchange(
      String method,
      String path,
      String auth,
      String body,
      String ct,
      Map<String, String> headers) {
    return exchange(method, path, auth, body, ct, headers, false);
  }

  private HttpResponse<String> exchange(
      String method,
      String path,
      String auth,
      String body,
      String ct,
      Map<String, String> headers,
      boolean uncounted) {
    HttpRequest.Builder builder;
    try {
      builder =
          HttpRequest.newBuilder(URI.create(base.resolve("api/v1/") + path))
              .timeout(Duration.ofSeconds(60));
    } catch (IllegalArgumentException e) {
      return null;
    }
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && ct != null) {
      builder.header("Content-Type", ct);
    }
    if (auth != null && !auth.isEmpty()) {
      try {
        builder.header("Authorization", auth);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    if (headers != null) {
      headers.forEach(builder::header);
    }
    requests++;
    HttpResponse<String> answer;
    try {
      answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // the listener closed the connection without an answer (e.g. a request line over its limit)
      noAnswer++;
      findings.add("no answer " + e + ": " + method + " " + abbreviate(path));
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    int status = answer.statusCode();
    byStatus.merge(status, 1, Integer::sum);
    if (uncounted) {
      return answer;
    }
    if (status >= 500) {
      status5xx++;
      note("status " + status, method, path, body, answer);
    }
    if (status == 400
        && answer.headers().firstValue("Content-Type").isEmpty()
        && answer.body().isEmpty()) {
      // the HTTP listener's own refusal of a request line or header it will not parse (an encoded
      // NUL in the path, a header or path over 8 KB): neither filters nor the application see it
      listenerRejections++;
      return answer;
    }
    if (status >= 400
        && !answer.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM)) {
      nonProblem++;
      note(
          "not problem+json ("
              + status
              + ", "
              + answer.headers().firstValue("Content-Type").orElse("none")
              + ")",
          method,
          path,
          body,
          answer);
    }
    return answer;
  }

  private void note(
      String what, String method, String path, String body, HttpResponse<String> answer) {
    if (findings.size() < 200) {
      findings.add(
          what
              + ": "
              + method
              + " "
              + abbreviate(path)
              + " body="
              + abbreviate(String.valueOf(body))
              + " -> "
              + abbreviate(answer.body()));
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 140 ? s : s.substring(0, 140) + "…(" + s.length() + ")";
  }

  private HttpResponse<String> send(String method, String path, String token) {
    return send(method, path, token, null, null);
  }

  private HttpResponse<String> send(
      String method, String path, String token, String body, String ct) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve("api/v1/" + path)).timeout(Duration.ofSeconds(60));
    builder.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (ct != null) {
      builder.header("Content-Type", ct);
    }
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String get(URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String token(HttpResponse<String> answer) {
    return field(answer, "token");
  }

  private static String field(HttpResponse<String> answer, String name) {
    if (answer.statusCode() >= 300) {
      throw new IllegalStateException(
          "fixture refused: " + answer.statusCode() + " " + answer.body());
    }
    return String.valueOf(asMap(JSON.fromJson(answer.body(), Map.class)).get(name));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }
}
