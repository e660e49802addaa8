package org.xeenet.economics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
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
import org.xeenet.api.CampaignView;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.Problem;
import org.xeenet.api.ResourceProfile;
import org.xeenet.api.TaskResult;
import org.xeenet.api.TrainingCapability;
import org.xeenet.api.WorkerCredentials;
import org.xeenet.api.WorkerRegistration;
import org.xeenet.economics.boundary.AccountViews.ClawbackDone;
import org.xeenet.economics.boundary.AccountViews.Leaderboard;
import org.xeenet.economics.boundary.AccountViews.LeaderboardEntry;
import org.xeenet.economics.boundary.AccountViews.LedgerCheck;
import org.xeenet.economics.boundary.AccountViews.ResearcherAccount;
import org.xeenet.economics.boundary.AccountViews.WorkerAccount;

/**
 * Economics and trust on Payara Micro and embedded Derby, from the WAR Maven built: a fresh
 * researcher's starting grant, an over-budget brief refused with nothing persisted, the budget hold
 * at launch, the charge of a validated result to the escrow and its credit to the worker, simulated
 * results unpaid, the refund at completion and at cancel, a clawback, an implausible result unpaid,
 * {@code /me}, {@code /leaderboard} and the whole-ledger check.
 *
 * <p>Figures (README "Economics and trust"): the tasks train 1 layer × 32, context 32, batch 8: 6 ·
 * (12 · 32² + 65 · 32) + 6 · 32 · 32 = 92,352 FLOPs a token; 100,000 steps are 25.6 M tokens =
 * 2.364 TFLOP = 2.364 credits; the platform's 5 % fee makes the charge 2.482; the quick-return
 * bonus (10 %, paid by the platform) makes the worker's credit 2.600.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EconomicsIT {
  private static final String PROBLEM = "application/problem+json";
  private static final String SPACE =
      "{\"n_layer\":1,\"n_embd\":32,\"n_head\":2,\"block_size\":32,\"batch_size\":8}";

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.create(ZipImporter.class, "xeenet.war")
        .importFrom(new File(System.getProperty("xeenet.war")))
        .as(WebArchive.class);
  }

  @Test
  void creditsFlowFromTheResearchersHoldToTheWorkersAndTheLedgerBalances() throws Exception {
    ApiClient client = new ApiClient(base.toURI());
    String admin =
        Files.readString(
                Path.of(System.getProperty("xeenet.it.data.dir")).resolve("admin-token"),
                StandardCharsets.UTF_8)
            .strip();
    cancelOpenCampaigns(client, admin);
    HttpResponse<String> opened = client.post("researchers", admin, "{\"name\":\"economics-it\"}");
    assertThat(opened.statusCode()).isEqualTo(201);
    String researcher = ApiClient.JSON.fromJson(opened.body(), Credentials.class).token();

    // the starting grant
    assertThat(client.get("me", null).statusCode()).isEqualTo(401);
    ResearcherAccount fresh = researcherMe(client, researcher);
    assertThat(fresh.balanceCredits()).isEqualTo(10_000.0);
    assertThat(fresh.escrowCredits()).isZero();
    assertThat(fresh.spentCredits()).isZero();

    // over budget: refused, nothing persisted, nothing moved
    HttpResponse<String> tooDear =
        client.post("briefs", researcher, brief("too dear", 2, 30, "\"budget_credits\":20000,"));
    assertThat(tooDear.statusCode()).isEqualTo(400);
    assertThat(tooDear.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    Problem problem = ApiClient.read(tooDear, Problem.class);
    assertThat(problem.errors()).extracting(Problem.FieldError::field).contains("budget_credits");
    assertThat(problem.errors().get(0).message()).contains("exceeds your balance of 10000.000");
    HttpResponse<String> tooBig =
        client.post("briefs", researcher, brief("too big", 1000, 600, ""));
    assertThat(tooBig.statusCode()).isEqualTo(400);
    assertThat(ApiClient.read(tooBig, Problem.class).errors().get(0).message())
        .contains("the estimated cost of 63000.000 credits exceeds your balance");
    assertThat(campaigns(client, researcher)).isEmpty();
    assertThat(researcherMe(client, researcher).balanceCredits()).isEqualTo(10_000.0);

    // the hold at launch
    HttpResponse<String> created =
        client.post("briefs", researcher, brief("paid", 2, 30, "\"budget_credits\":50,"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    CampaignView paid = ApiClient.read(created, CampaignView.class);
    assertThat(paid.budgetCredits()).isEqualTo(50.0);
    assertThat(paid.escrowCredits()).isEqualTo(50.0);
    assertThat(paid.estimateCredits()).isEqualTo(6.3); // 2 × 30 s × 0.1 credit/s × 1.05
    assertThat(paid.costCredits()).isZero();
    ResearcherAccount held = researcherMe(client, researcher);
    assertThat(held.balanceCredits()).isEqualTo(9_950.0);
    assertThat(held.escrowCredits()).isEqualTo(50.0);
    awaitCampaign(client, researcher, paid.campaignId(), c -> c.status().equals("RUNNING"));

    // a validated result: charged to the escrow, credited to the worker
    WorkerCredentials worker = register(client, "economics-worker");
    LeaseGrant first = lease(client, worker, paid.campaignId());
    assertThat(first.task().campaignId()).isEqualTo(paid.campaignId());
    HttpResponse<String> accepted =
        client.post(
            "leases/" + first.leaseId() + "/result",
            worker.token(),
            result(first.task().taskId(), 100_000, 25_600_000L, 2.6, false));
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.body()).contains("VALID");
    WorkerAccount earned = workerMe(client, worker.token());
    assertThat(earned.balanceCredits()).isEqualTo(2.6);
    assertThat(earned.creditsEarned()).isEqualTo(2.6);
    assertThat(earned.tasksValidated()).isEqualTo(1);
    assertThat(earned.reputation()).isCloseTo(2 / 3.0, within(1e-9));
    CampaignView charged = campaign(client, researcher, paid.campaignId());
    assertThat(charged.costCredits()).isEqualTo(2.482);
    assertThat(charged.escrowCredits()).isEqualTo(47.518);
    ResearcherAccount spending = researcherMe(client, researcher);
    assertThat(spending.balanceCredits()).isEqualTo(9_950.0);
    assertThat(spending.escrowCredits()).isEqualTo(47.518);
    assertThat(spending.spentCredits()).isEqualTo(2.482);

    // a simulated result is never paid; it ends the campaign, whose escrow is refunded
    LeaseGrant second = lease(client, worker, paid.campaignId());
    assertThat(second.task().campaignId()).isEqualTo(paid.campaignId());
    assertThat(
            client
                .post(
                    "leases/" + second.leaseId() + "/result",
                    worker.token(),
                    result(second.task().taskId(), 1_000, 256_000L, 3.1, true))
                .statusCode())
        .isEqualTo(200);
    assertThat(workerMe(client, worker.token()).balanceCredits()).isEqualTo(2.6);
    CampaignView completed =
        awaitCampaign(client, researcher, paid.campaignId(), c -> c.status().equals("COMPLETED"));
    assertThat(completed.escrowCredits()).isZero();
    assertThat(completed.costCredits()).isEqualTo(2.482);
    ResearcherAccount refunded = researcherMe(client, researcher);
    assertThat(refunded.balanceCredits()).isEqualTo(9_997.518);
    assertThat(refunded.escrowCredits()).isZero();
    assertThat(refunded.spentCredits()).isEqualTo(2.482);

    // without a budget the estimate is held, and a cancel refunds it
    CampaignView estimated =
        ApiClient.read(
            client.post("briefs", researcher, brief("estimated", 3, 30, "")), CampaignView.class);
    assertThat(estimated.budgetCredits()).isEqualTo(9.45);
    assertThat(researcherMe(client, researcher).balanceCredits()).isEqualTo(9_988.068);
    awaitCampaign(client, researcher, estimated.campaignId(), c -> c.status().equals("RUNNING"));
    assertThat(
            client
                .post("campaigns/" + estimated.campaignId() + "/cancel", researcher, null)
                .statusCode())
        .isEqualTo(200);
    assertThat(campaign(client, researcher, estimated.campaignId()).escrowCredits()).isZero();
    assertThat(researcherMe(client, researcher).balanceCredits()).isEqualTo(9_997.518);

    // the leaderboard
    Leaderboard board =
        ApiClient.read(client.get("leaderboard?limit=100", researcher), Leaderboard.class);
    LeaderboardEntry entry =
        board.byCredits().stream()
            .filter(e -> e.workerId().equals(worker.workerId()))
            .findFirst()
            .orElseThrow();
    assertThat(entry.credits()).isEqualTo(2.6);
    assertThat(entry.tasksValidated()).isEqualTo(1);
    assertThat(entry.name()).isEqualTo("economics-worker");
    assertThat(board.byTasksValidated())
        .extracting(LeaderboardEntry::workerId)
        .contains(worker.workerId());
    assertThat(board.byCredits()).extracting(LeaderboardEntry::rank).isSorted().startsWith(1);
    assertThat(client.get("leaderboard", worker.token()).statusCode()).isEqualTo(200);
    assertThat(client.get("leaderboard", null).statusCode()).isEqualTo(401);

    // the whole ledger balances; only an administrator may check it
    assertBalanced(client, admin);
    assertThat(client.get("ledger/verify", researcher).statusCode()).isEqualTo(403);

    // a result later found false: its credits come back, the worker's reputation falls
    HttpResponse<String> clawed =
        client.post(
            "trust/leases/" + first.leaseId() + "/clawback",
            admin,
            "{\"reason\":\"replica disagreed\"}");
    assertThat(clawed.statusCode()).as(clawed.body()).isEqualTo(200);
    ClawbackDone done = ApiClient.read(clawed, ClawbackDone.class);
    assertThat(done.creditsClawedBack()).isEqualTo(2.6);
    assertThat(done.creditsRefunded()).isEqualTo(2.482);
    // the false VALID no longer counts: (0 + 1) / (0 + 3 + 2)
    assertThat(done.reputation()).isCloseTo(1 / 5.0, within(1e-9));
    assertThat(
            client.post("trust/leases/" + first.leaseId() + "/clawback", admin, "{}").statusCode())
        .isEqualTo(409);
    WorkerAccount after = workerMe(client, worker.token());
    assertThat(after.balanceCredits()).isZero();
    assertThat(after.creditsClawedBack()).isEqualTo(2.6);
    assertThat(after.tasksValidated()).isZero();
    assertThat(researcherMe(client, researcher).balanceCredits()).isEqualTo(10_000.0);
    assertThat(campaign(client, researcher, paid.campaignId()).costCredits()).isZero();
    assertBalanced(client, admin);

    // an implausible result (more tokens than its steps can carry) is valid for the queue but
    // not paid, and recorded against the worker
    CampaignView third =
        ApiClient.read(
            client.post(
                "briefs", researcher, brief("implausible", 1, 30, "\"budget_credits\":10,")),
            CampaignView.class);
    awaitCampaign(client, researcher, third.campaignId(), c -> c.status().equals("RUNNING"));
    WorkerCredentials cheat = register(client, "economics-cheat");
    LeaseGrant cheatLease = lease(client, cheat, third.campaignId());
    assertThat(
            client
                .post(
                    "leases/" + cheatLease.leaseId() + "/result",
                    cheat.token(),
                    result(cheatLease.task().taskId(), 10, 25_600_000L, 2.6, false))
                .statusCode())
        .isEqualTo(200);
    WorkerAccount cheated = workerMe(client, cheat.token());
    assertThat(cheated.balanceCredits()).isZero();
    assertThat(cheated.tasksValidated()).isZero();
    assertThat(cheated.reputation()).isCloseTo(0.25, within(1e-9));
    String trust = client.get("trust/workers/" + cheat.workerId(), admin).body();
    assertThat(trust).contains("IMPLAUSIBLE").contains("exceeds steps × batch_size × block_size");
    assertThat(
            awaitCampaign(
                    client, researcher, third.campaignId(), c -> c.status().equals("COMPLETED"))
                .costCredits())
        .isZero();
    assertThat(researcherMe(client, researcher).balanceCredits()).isEqualTo(10_000.0);
    assertBalanced(client, admin);
  }

  /** Body of {@code POST /researchers}' answer. */
  public record Credentials(
      @jakarta.json.bind.annotation.JsonbProperty("researcher_id") String researcherId,
      @jakarta.json.bind.annotation.JsonbProperty("token") String token) {}

  private static void assertBalanced(ApiClient client, String admin) {
    HttpResponse<String> response = client.get("ledger/verify", admin);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    LedgerCheck check = ApiClient.read(response, LedgerCheck.class);
    assertThat(check.balanced()).as(response.body()).isTrue();
    assertThat(check.totalCredits()).isZero();
    assertThat(check.unbalancedTransactions()).isEmpty();
    assertThat(check.transactions()).isPositive();
  }

  private static String brief(String title, int tasks, int budget, String extra) {
    return "{\"title\":\""
        + title
        + "\","
        + extra
        + "\"num_tasks\":"
        + tasks
        + ",\"time_budget_per_task\":"
        + budget
        + ",\"seed\":7,\"search_space\":"
        + SPACE
        + "}";
  }

  private static TaskResult result(
      String taskId, long steps, long tokens, double bpb, boolean simulated) {
    List<CurvePoint> curve = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      curve.add(new CurvePoint(steps * i / 4, 5.0 * i, 4.1 - 0.5 * i, i == 4 ? bpb : null));
    }
    return new TaskResult(
        taskId, bpb, 2.1, steps, 20.0, "cpu", TaskResult.COMPLETED, null, simulated, tokens, curve);
  }

  private static ResearcherAccount researcherMe(ApiClient client, String token) {
    HttpResponse<String> response = client.get("me", token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"role\":\"researcher\"");
    return ApiClient.read(response, ResearcherAccount.class);
  }

  private static WorkerAccount workerMe(ApiClient client, String token) {
    HttpResponse<String> response = client.get("me", token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"role\":\"worker\"");
    return ApiClient.read(response, WorkerAccount.class);
  }

  private static WorkerCredentials register(ApiClient client, String name) {
    HttpResponse<String> response =
        client.post(
            "workers",
            null,
            new WorkerRegistration(
                name,
                new ResourceProfile(2, 8.0, null, null, "Linux", "amd64", null),
                new TrainingCapability(
                    "java-17", "pytorch", "2.7.1", true, false, List.of("builtin:char-lm/1"))));
    assertThat(response.statusCode()).isEqualTo(201);
    return ApiClient.read(response, WorkerCredentials.class);
  }

  /**
   * A lease on a task of this campaign. Campaigns other test classes left running share the
   * database: their tasks are handed back as failed runs until one of this campaign comes.
   */
  private static LeaseGrant lease(ApiClient client, WorkerCredentials worker, String campaignId) {
    for (int i = 0; i < 40; i++) {
      HttpResponse<String> response =
          client.post("workers/" + worker.workerId() + "/lease", worker.token(), "{}");
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      LeaseGrant grant = ApiClient.read(response, LeaseGrant.class);
      if (grant.task().campaignId().equals(campaignId)) {
        return grant;
      }
      client.post(
          "leases/" + grant.leaseId() + "/result",
          worker.token(),
          new TaskResult(
              grant.task().taskId(),
              null,
              null,
              null,
              null,
              "cpu",
              TaskResult.FAILED,
              "not this test's campaign",
              false,
              null,
              null));
    }
    throw new AssertionError("no task of campaign " + campaignId + " was leased");
  }

  private static List<CampaignView> campaigns(ApiClient client, String token) {
    HttpResponse<String> response = client.get("campaigns", token);
    assertThat(response.statusCode()).isEqualTo(200);
    return new ArrayList<>(
        ApiClient.read(
            response, new ArrayList<CampaignView>() {}.getClass().getGenericSuperclass()));
  }

  private static CampaignView campaign(ApiClient client, String token, String id) {
    return ApiClient.read(client.get("campaigns/" + id, token), CampaignView.class);
  }

  private static void cancelOpenCampaigns(ApiClient client, String admin) {
    for (CampaignView c : campaigns(client, admin)) {
      if (c.status().equals("RUNNING") || c.status().equals("PAUSED")) {
        client.post("campaigns/" + c.campaignId() + "/cancel", admin, null);
      }
    }
  }

  private static CampaignView awaitCampaign(
      ApiClient client, String token, String id, Predicate<CampaignView> condition)
      throws InterruptedException {
    CampaignView last = null;
    for (int i = 0; i < 120; i++) {
      last = campaign(client, token, id);
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("campaign never reached the expected state: " + last);
  }
}
