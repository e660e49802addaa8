package org.xeenet.report;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.xeenet.api.ApiClient;
import org.xeenet.api.AssistantAnswer;
import org.xeenet.api.AssistantQuestion;
import org.xeenet.api.CampaignView;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.TaskPage;
import org.xeenet.api.TaskResult;
import org.xeenet.api.TaskView;
import org.xeenet.api.WorkerCredentials;

/**
 * The campaign report ({@code md}, {@code csv}, {@code json}; 400 for another format, 404 for
 * another researcher) and the research assistant's main intents, on Payara Micro, for a campaign of
 * 6 tasks whose results a test worker submits (depth lowers val_bpb in the test objective).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportIT {
  private static final Jsonb JSON = JsonbBuilder.create();

  @ArquillianResource URL base;

  private ApiClient client;
  private String admin;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.create(ZipImporter.class, "xeenet.war")
        .importFrom(new File(System.getProperty("xeenet.war")))
        .as(WebArchive.class);
  }

  @Test
  void aCampaignIsReportedAndExplainedToItsOwnerOnly() throws Exception {
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
    Map<String, Object> brief = new LinkedHashMap<>();
    brief.put("title", "report: depth vs width");
    brief.put("description", "Does depth or width matter more?");
    brief.put("num_tasks", 6);
    brief.put("time_budget_per_task", 30);
    brief.put("search", "random");
    brief.put("seed", 11L);
    brief.put(
        "search_space",
        Map.of(
            "n_layer",
            List.of(1, 2, 3, 4),
            "n_head",
            2,
            "n_embd",
            List.of(32, 64),
            "block_size",
            32,
            "batch_size",
            8,
            "learning_rate",
            1e-3));
    HttpResponse<String> created = post("briefs", admin, JSON.toJson(brief));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = read(created, CampaignView.class).campaignId();
    awaitStatus(id, "RUNNING");

    // before any result: the report and the assistant already answer
    HttpResponse<String> early = get("campaigns/" + id + "/report", admin);
    assertThat(early.statusCode()).as(early.body()).isEqualTo(200);
    assertThat(early.body()).contains("No valid result yet");
    AssistantAnswer waiting = ask("what is the best config?", id, admin);
    assertThat(waiting.answer()).contains("No valid result yet");

    WorkerCredentials worker = register();
    for (int i = 0; i < 6; i++) {
      submit(worker, lease(worker));
    }
    awaitStatus(id, "COMPLETED");
    // the aggregate-results job stores the aggregation once the campaign ended
    for (int i = 0;
        i < 240 && get("campaigns/" + id + "/results", admin).statusCode() != 200;
        i++) {
      sleep(250);
    }
    List<TaskView> tasks =
        read(get("campaigns/" + id + "/tasks?page_size=50", admin), TaskPage.class).items();
    TaskView best = tasks.stream().min(Comparator.comparing(TaskView::valBpb)).orElseThrow();
    TaskView worst = tasks.stream().max(Comparator.comparing(TaskView::valBpb)).orElseThrow();
    String bestBpb = String.format(Locale.ROOT, "%.4f", best.valBpb());

    // markdown, the default
    HttpResponse<String> md = get("campaigns/" + id + "/report", admin);
    assertThat(md.statusCode()).isEqualTo(200);
    assertThat(md.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
    assertThat(md.body())
        .contains("# Campaign report: report: depth vs width", "Does depth or width matter more?")
        .contains("## What was run", "Search method: random", "valid 6")
        .contains("## Best configuration", bestBpb, "seed " + best.seed())
        .contains("## Top 5", "## What mattered", "n_layer", "## Cost", "## Caveats");
    assertThat(get("campaigns/" + id + "/report?format=md", admin).body()).isEqualTo(md.body());

    HttpResponse<String> csv = get("campaigns/" + id + "/report?format=csv", admin);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines).hasSize(7);
    assertThat(lines.get(0))
        .startsWith("index,task_id,status,seed,")
        .contains("n_layer", "val_bpb");
    assertThat(lines.subList(1, 7)).allSatisfy(l -> assertThat(l).contains(",VALID,", ",cpu,"));

    HttpResponse<String> json = get("campaigns/" + id + "/report?format=json", admin);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    @SuppressWarnings("unchecked")
    Map<String, Object> report = read(json, Map.class);
    assertThat(report.get("campaign_id")).isEqualTo(id);
    assertThat(((Map<?, ?>) report.get("best")).get("task_id")).isEqualTo(best.taskId());
    assertThat((List<?>) report.get("top")).hasSize(5);
    assertThat((List<?>) report.get("importance")).isNotEmpty();
    assertThat(report).containsKeys("run", "cost", "caveats");
    assertThat(report.get("aggregation_stored")).isEqualTo(true);

    HttpResponse<String> pdf = get("campaigns/" + id + "/report?format=pdf", admin);
    assertThat(pdf.statusCode()).isEqualTo(400);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(pdf.body()).contains("format");

    String other = openResearcher("report-reader");
    assertThat(get("campaigns/" + id + "/report", other).statusCode()).isEqualTo(404);
    assertThat(get("campaigns/" + id + "/report", null).statusCode()).isEqualTo(401);
    assertThat(get("campaigns/nope/report", admin).statusCode()).isEqualTo(404);

    // the assistant
    AssistantAnswer bestAnswer = ask("What is the best configuration?", id, admin);
    assertThat(bestAnswer.intent()).isEqualTo("best");
    assertThat(bestAnswer.answer()).contains("task " + best.index(), bestBpb);
    assertThat(bestAnswer.details()).isNotEmpty();

    AssistantAnswer matters = ask("What matters, depth or width?", id, admin);
    assertThat(matters.intent()).isEqualTo("importance");
    assertThat(matters.answer()).contains("n_layer");
    assertThat(matters.details()).isNotEmpty();

    AssistantAnswer bad = ask("Why is task " + worst.index() + " so bad?", id, admin);
    assertThat(bad.intent()).isEqualTo("task");
    assertThat(bad.answer()).contains("Task " + worst.index(), "worse than the best");

    AssistantAnswer next = ask("What should I try next?", id, admin);
    assertThat(next.intent()).isEqualTo("next");
    assertThat(next.details().get(0).data()).containsKey("search_space");
    // the follow-up brief it proposes is one the server accepts
    HttpResponse<String> followUp =
        post("briefs", admin, JSON.toJson(next.details().get(1).data()));
    assertThat(followUp.statusCode()).as(followUp.body()).isEqualTo(201);
    post("campaigns/" + read(followUp, CampaignView.class).campaignId() + "/cancel", admin, null);

    AssistantAnswer progress = ask("How far is it?", id, admin);
    assertThat(progress.intent()).isEqualTo("progress");
    assertThat(progress.answer()).contains("completed", "6 of 6 tasks finished");

    AssistantAnswer proposal =
        ask("I want to know whether depth or width matters more on 2-minute budgets", null, other);
    assertThat(proposal.intent()).isEqualTo("brief");
    Map<String, Object> proposed = proposal.details().get(0).data();
    assertThat(proposed).containsKey("search_space");
    // the proposed brief is one the server accepts
    HttpResponse<String> launched = post("briefs", admin, JSON.toJson(proposed));
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
    post("campaigns/" + read(launched, CampaignView.class).campaignId() + "/cancel", admin, null);

    assertThat(ask("tell me a joke", id, admin).intent()).isEqualTo("help");
    HttpResponse<String> notYours =
        post("assistant", other, JSON.toJson(new AssistantQuestion("what is the best?", id)));
    assertThat(notYours.statusCode()).isEqualTo(404);
    HttpResponse<String> blank =
        post("assistant", admin, JSON.toJson(new AssistantQuestion(" ", id)));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(post("assistant", null, "{\"question\":\"status\"}").statusCode()).isEqualTo(401);
  }

  private AssistantAnswer ask(String question, String campaignId, String token) {
    HttpResponse<String> response =
        post("assistant", token, JSON.toJson(new AssistantQuestion(question, campaignId)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return read(response, AssistantAnswer.class);
  }

  private void submit(WorkerCredentials worker, LeaseGrant grant) {
    Map<String, Object> config = grant.task().config();
    int layers = ((Number) config.get("n_layer")).intValue();
    int width = ((Number) config.get("n_embd")).intValue();
    double bpb =
        3.0 - 0.3 * layers - (width == 64 ? 0.02 : 0.0) + grant.task().seeds().get(0) % 7 * 1e-4;
    TaskResult result =
        new TaskResult(
            grant.task().taskId(),
            bpb,
            bpb * 0.69,
            200L,
            25.0,
            "cpu",
            TaskResult.COMPLETED,
            null,
            false,
            51_200L,
            List.of(
                new CurvePoint(100L, 12.0, 2.4, null),
                new CurvePoint(200L, 25.0, bpb * 0.69, bpb)));
    HttpResponse<String> answer =
        post("leases/" + grant.leaseId() + "/result", worker.token(), JSON.toJson(result));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("VALID");
  }

  private void awaitStatus(String id, String status) {
    CampaignView view = null;
    for (int i = 0; i < 240; i++) {
      view = read(get("campaigns/" + id, admin), CampaignView.class);
      if (view.status().equals(status)) {
        return;
      }
      sleep(250);
    }
    throw new AssertionError("campaign never became " + status + ": " + JSON.toJson(view));
  }

  private WorkerCredentials register() {
    return client.registerWorker("report-worker");
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
