package org.xeenet.results;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xeenet.api.ApiClient;
import org.xeenet.api.CampaignResults;
import org.xeenet.api.CampaignView;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.TaskPage;
import org.xeenet.api.TaskResult;
import org.xeenet.api.TaskView;
import org.xeenet.api.WorkerCredentials;

/**
 * Issue 8 on Payara Micro: sobol and grid briefs expand through the batch job with their step
 * budget; a tpe campaign queues a suggestion per result until num_tasks; an asha campaign promotes
 * the best third of a rung with a larger max_steps; the aggregate-results job serves best, top-k,
 * effects, importance and curves to the owner only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SearchResultsIT {
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Map<String, Object> SMALL =
      Map.of(
          "n_layer",
          List.of(1, 2),
          "n_head",
          2,
          "n_embd",
          List.of(32, 64),
          "block_size",
          32,
          "batch_size",
          8,
          "learning_rate",
          Map.of("low", 1e-4, "high", 1e-2, "log", true));

  @ArquillianResource URL base;

  private ApiClient client;
  private final Map<String, String> leaseOfTask = new java.util.concurrent.ConcurrentHashMap<>();
  private String admin;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.create(ZipImporter.class, "xeenet.war")
        .importFrom(new File(System.getProperty("xeenet.war")))
        .as(WebArchive.class);
  }

  @BeforeEach
  void connect() throws Exception {
    client = new ApiClient(base.toURI());
    admin =
        Files.readString(
                Path.of(System.getProperty("xeenet.it.data.dir")).resolve("admin-token"),
                StandardCharsets.UTF_8)
            .strip();
    // a worker leases from every running campaign: end the ones earlier tests left open
    for (CampaignView c : read(get("campaigns", admin), CampaignView[].class)) {
      if (c.status().equals("RUNNING") || c.status().equals("PAUSED")) {
        post("campaigns/" + c.campaignId() + "/cancel", admin, null);
      }
    }
  }

  @Test
  void sobolAndGridBriefsExpandWithTheirStepBudget() {
    String sobol = create(brief("sobol", "sobol", 8, Map.of("budget_steps", 300)));
    CampaignView running = awaitCampaign(sobol, c -> c.status().equals("RUNNING"));
    assertThat(running.taskCounts()).containsEntry("QUEUED", 8L);
    assertThat(running.search()).isEqualTo("sobol");
    assertThat(running.budgetKind()).isEqualTo("steps");
    assertThat(running.budgetPerTask()).isEqualTo(300L);
    List<TaskView> tasks = tasks(sobol);
    assertThat(tasks).hasSize(8);
    Set<Object> rates = new HashSet<>();
    for (TaskView t : tasks) {
      assertThat(((Number) t.config().get("max_steps")).intValue()).isEqualTo(300);
      double lr = ((Number) t.config().get("learning_rate")).doubleValue();
      assertThat(lr).isBetween(1e-4, 1e-2);
      rates.add(lr);
    }
    assertThat(rates).hasSize(8);

    // grid: 2 layers x 2 widths x 3 learning rates = 12 points; num_tasks 12 runs each once
    String grid = create(brief("grid", "grid", 12, Map.of()));
    CampaignView gridView = awaitCampaign(grid, c -> c.status().equals("RUNNING"));
    assertThat(gridView.taskCounts()).containsEntry("QUEUED", 12L);
    assertThat(gridView.budgetKind()).isEqualTo("time");
    Set<Map<String, Object>> points = new HashSet<>();
    for (TaskView t : tasks(grid)) {
      points.add(t.config());
    }
    assertThat(points).hasSize(12);
  }

  @Test
  void aTpeCampaignQueuesASuggestionPerResultAndItsResultsAreServedWhenItEnds() {
    String id = create(brief("tpe", "tpe", 6, Map.of("parallel_tasks", 2, "budget_steps", 200)));
    CampaignView running = awaitCampaign(id, c -> c.status().equals("RUNNING"));
    assertThat(total(running)).isEqualTo(2);
    WorkerCredentials worker = register("tpe-worker");
    for (int i = 0; i < 6; i++) {
      LeaseGrant grant = lease(worker);
      assertThat(grant.task().campaignId()).isEqualTo(id);
      submit(worker, grant);
      CampaignView after = read(get("campaigns/" + id, admin), CampaignView.class);
      // each result adds a task while fewer than num_tasks exist
      assertThat(total(after)).isEqualTo(Math.min(6, 3 + i));
    }
    awaitCampaign(id, c -> c.status().equals("COMPLETED"));
    CampaignResults results = awaitResults(id);
    List<TaskView> tasks = tasks(id);
    double best = tasks.stream().mapToDouble(TaskView::valBpb).min().orElseThrow();
    assertThat(results.resultsCount()).isEqualTo(6);
    assertThat(results.search()).isEqualTo("tpe");
    assertThat(results.budgetKind()).isEqualTo("steps");
    assertThat(results.best().valBpb()).isEqualTo(best);
    TaskView bestTask =
        tasks.stream().filter(t -> t.taskId().equals(results.best().taskId())).findFirst().get();
    assertThat(results.best().seed()).isEqualTo(bestTask.seed());
    assertThat(results.best().curve()).hasSize(2);
    assertThat(results.topK()).hasSize(6);
    assertThat(results.importance()).isNotEmpty();
    assertThat(results.importanceMethod()).contains("variance");
    assertThat(results.parameterEffects())
        .extracting(CampaignResults.ParameterEffect::parameter)
        .contains("n_layer", "n_embd", "learning_rate");
    assertThat(results.learningCurves()).hasSize(5);

    // owner only; a refresh is accepted
    String other = openResearcher("curious");
    assertThat(get("campaigns/" + id + "/results", other).statusCode()).isEqualTo(404);
    assertThat(get("campaigns/" + id + "/results", null).statusCode()).isEqualTo(401);
    HttpResponse<String> missing = get("campaigns/nope/results", admin);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(post("campaigns/" + id + "/results/refresh", other, null).statusCode())
        .isEqualTo(404);
    assertThat(post("campaigns/" + id + "/results/refresh", admin, null).statusCode())
        .isEqualTo(202);
  }

  @Test
  void anAshaCampaignPromotesTheBestThirdWithALargerBudget() {
    // 900 steps: rungs of 100, 300, 900 steps; 13 tasks ≈ 9 at rung 0 + 3 + 1
    String id = create(brief("asha", "asha", 13, Map.of("parallel_tasks", 3, "budget_steps", 900)));
    CampaignView running = awaitCampaign(id, c -> c.status().equals("RUNNING"));
    assertThat(total(running)).isEqualTo(3);
    WorkerCredentials worker = register("asha-worker");
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> response =
          post("workers/" + worker.workerId() + "/lease", worker.token(), "{}");
      if (response.statusCode() == 204) {
        break;
      }
      submit(worker, read(response, LeaseGrant.class));
    }
    awaitCampaign(id, c -> c.status().equals("COMPLETED"));
    List<TaskView> tasks = tasks(id);
    assertThat(tasks).hasSizeBetween(10, 13);
    Map<Integer, List<TaskView>> byBudget = new LinkedHashMap<>();
    for (TaskView t : tasks) {
      byBudget
          .computeIfAbsent(
              ((Number) t.config().get("max_steps")).intValue(), k -> new ArrayList<>())
          .add(t);
    }
    assertThat(byBudget.keySet()).contains(100, 300);
    assertThat(byBudget.keySet()).isSubsetOf(100, 300, 900);
    // at least a third of rung 0 went up, each promoted configuration is one of rung 0's
    assertThat(byBudget.get(300).size()).isGreaterThanOrEqualTo(byBudget.get(100).size() / 3);
    List<Map<String, Object>> rung0 =
        byBudget.get(100).stream().map(t -> withoutBudget(t.config())).toList();
    assertThat(byBudget.get(300).stream().map(t -> withoutBudget(t.config())).toList())
        .allSatisfy(c -> assertThat(rung0).contains(c));
    // a promotion continues its parent: it names the parent's accepted lease (whose checkpoint
    // the worker resumes from) and the steps the parent trained
    Set<String> rung0Leases = new HashSet<>();
    byBudget.get(100).forEach(t -> rung0Leases.add(leaseOfTask.get(t.taskId())));
    assertThat(byBudget.get(100))
        .allSatisfy(t -> assertThat(t.config()).doesNotContainKey("resume_from_lease"));
    assertThat(byBudget.get(300))
        .allSatisfy(
            t -> {
              assertThat(rung0Leases).contains((String) t.config().get("resume_from_lease"));
              assertThat(((Number) t.config().get("resume_step")).longValue()).isEqualTo(100L);
            });
    // the best of rung 0 (when three are done) is promoted
    List<TaskView> firstThree = byBudget.get(100).stream().limit(3).toList();
    Map<String, Object> bestOfFirstThree =
        withoutBudget(
            firstThree.stream()
                .min((a, b) -> Double.compare(a.valBpb(), b.valBpb()))
                .orElseThrow()
                .config());
    assertThat(byBudget.get(300).stream().map(t -> withoutBudget(t.config())).toList())
        .contains(bestOfFirstThree);
    CampaignResults results = awaitResults(id);
    // more steps always win in the test objective: the best result is a promoted one
    assertThat(results.best().rung()).isGreaterThanOrEqualTo(1);
    assertThat(results.best().config().get("max_steps")).isNotNull();
  }

  // ---- helpers

  private static Map<String, Object> withoutBudget(Map<String, Object> config) {
    Map<String, Object> copy = new LinkedHashMap<>(config);
    copy.remove("max_steps");
    copy.remove("resume_from_lease");
    copy.remove("resume_step");
    return copy;
  }

  private static Map<String, Object> brief(
      String title, String search, int tasks, Map<String, Object> extra) {
    Map<String, Object> brief = new LinkedHashMap<>();
    brief.put("title", "issue 8: " + title);
    brief.put("num_tasks", tasks);
    brief.put("time_budget_per_task", 30);
    brief.put("search", search);
    brief.put("search_space", SMALL);
    brief.put("seed", 8L);
    brief.putAll(extra);
    return brief;
  }

  /** A val_bpb the test's objective gives: best near lr 1e-3, better with more steps. */
  private static double objective(Map<String, Object> config) {
    double lr = Math.log10(((Number) config.get("learning_rate")).doubleValue()) + 3;
    int steps = ((Number) config.getOrDefault("max_steps", 200)).intValue();
    int width = ((Number) config.get("n_embd")).intValue();
    return 2.6 + 0.3 * lr * lr + 60.0 / steps + (width == 64 ? 0.0 : 0.05);
  }

  private void submit(WorkerCredentials worker, LeaseGrant grant) {
    leaseOfTask.put(grant.task().taskId(), grant.leaseId());
    Map<String, Object> config = grant.task().config();
    long steps = ((Number) config.getOrDefault("max_steps", 200)).longValue();
    double bpb = objective(config);
    TaskResult result =
        new TaskResult(
            grant.task().taskId(),
            bpb,
            bpb * 0.69,
            steps,
            10.0,
            "cpu",
            TaskResult.COMPLETED,
            null,
            false,
            steps * 8 * 32,
            List.of(
                new CurvePoint(steps / 2, 5.0, 2.4, null),
                new CurvePoint(steps, 10.0, bpb * 0.69, bpb)));
    HttpResponse<String> answer =
        post("leases/" + grant.leaseId() + "/result", worker.token(), JSON.toJson(result));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("VALID");
  }

  private static long total(CampaignView view) {
    return view.taskCounts().values().stream().mapToLong(Long::longValue).sum();
  }

  private String create(Map<String, Object> brief) {
    HttpResponse<String> created = post("briefs", admin, JSON.toJson(brief));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return read(created, CampaignView.class).campaignId();
  }

  private List<TaskView> tasks(String id) {
    return read(get("campaigns/" + id + "/tasks?page_size=500", admin), TaskPage.class).items();
  }

  private CampaignView awaitCampaign(String id, Predicate<CampaignView> condition) {
    CampaignView view = null;
    for (int i = 0; i < 240; i++) {
      view = read(get("campaigns/" + id, admin), CampaignView.class);
      if (condition.test(view)) {
        return view;
      }
      sleep(250);
    }
    throw new AssertionError("campaign never reached the expected state: " + JSON.toJson(view));
  }

  private CampaignResults awaitResults(String id) {
    HttpResponse<String> response = null;
    for (int i = 0; i < 240; i++) {
      response = get("campaigns/" + id + "/results", admin);
      if (response.statusCode() == 200) {
        return read(response, CampaignResults.class);
      }
      assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
      sleep(250);
    }
    throw new AssertionError("no results: " + response.body());
  }

  private WorkerCredentials register(String name) {
    return client.registerWorker(name);
  }

  private LeaseGrant lease(WorkerCredentials worker) {
    return client.lease(worker);
  }

  private String openResearcher(String name) {
    return client.openResearcher(admin, name);
  }

  private static <T> T read(HttpResponse<String> response, Class<T> type) {
    return JSON.fromJson(response.body(), type);
  }

  private HttpResponse<String> get(String path, String token) {
    return client.get(path, token);
  }

  private HttpResponse<String> post(String path, String token, String json) {
    return client.post(path, token, json == null ? "" : json);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
