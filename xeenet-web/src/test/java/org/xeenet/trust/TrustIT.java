package org.xeenet.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.xeenet.api.CheckpointReceipt;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.Problem;
import org.xeenet.api.TaskPage;
import org.xeenet.api.TaskResult;
import org.xeenet.api.TaskView;
import org.xeenet.api.WorkerCredentials;
import org.xeenet.economics.boundary.AccountViews.LedgerCheck;
import org.xeenet.economics.boundary.AccountViews.WorkerAccount;

/**
 * Trust on Payara Micro and embedded Derby: the checkpoint upload route (hash checked against the
 * result, size bound, who may read it), and the proof that each cheat of the adversarial simulated
 * worker ({@link SimWorker.Mode}, test code only) is caught by the checks other workers run —
 * fabricated val_bpb, more steps than it ran, another task's result, a replayed result — with its
 * credits clawed back, its task re-queued, its reputation down to quarantine, honest results
 * confirmed and none rejected, and the ledger balanced.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrustIT {
  private static final String PROBLEM = "application/problem+json";
  private static final String SPACE =
      "{\"n_layer\":1,\"n_embd\":32,\"n_head\":2,\"block_size\":32,\"batch_size\":8,"
          + "\"learning_rate\":{\"low\":0.0001,\"high\":0.01,\"log\":true}}";

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.create(ZipImporter.class, "xeenet.war")
        .importFrom(new File(System.getProperty("xeenet.war")))
        .as(WebArchive.class);
  }

  private static String admin() throws Exception {
    return Files.readString(
            Path.of(System.getProperty("xeenet.it.data.dir")).resolve("admin-token"),
            StandardCharsets.UTF_8)
        .strip();
  }

  @Test
  void aCheckpointIsUploadedAfterItsResultCheckedAgainstItsHashAndServed() throws Exception {
    ApiClient client = new ApiClient(base.toURI());
    String admin = admin();
    cancelOpenCampaigns(client, admin);
    String researcher = client.openResearcher(admin, "trust-checkpoint-it");
    CampaignView campaign = launch(client, researcher, "checkpoints", 2, 30);
    SimWorker owner = new SimWorker(client, "ckpt-owner", SimWorker.Mode.HONEST, 2e4, false);
    SimWorker other = new SimWorker(client, "ckpt-other", SimWorker.Mode.HONEST, 2e4, false);
    LeaseGrant grant = leaseOf(client, owner.credentials(), campaign.campaignId());
    String path = "leases/" + grant.leaseId() + "/checkpoint";
    SimulatedRun.Run run =
        SimulatedRun.train(grant.task().config(), grant.task().seeds().get(0), 500, 1, 20);

    // before the result: nothing to check the bytes against
    assertThat(owner.put(path, run.checkpoint())).isEqualTo(409);
    TaskResult result =
        new TaskResult(
            grant.task().taskId(),
            run.valBpb(),
            run.trainLoss(),
            500L,
            20.0,
            "cpu",
            TaskResult.COMPLETED,
            null,
            false,
            500L * 256,
            run.curve(),
            run.checkpointSha256());
    assertThat(
            client
                .post("leases/" + grant.leaseId() + "/result", owner.credentials().token(), result)
                .statusCode())
        .isEqualTo(200);

    // another worker may not upload it, other bytes are not it, too many bytes are refused
    assertThat(other.put(path, run.checkpoint())).isEqualTo(403);
    HttpResponse<String> wrong = owner.putForAnswer(path, new byte[] {1, 2, 3});
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    assertThat(ApiClient.read(wrong, Problem.class).errors())
        .extracting(Problem.FieldError::field)
        .containsExactly("body");
    HttpResponse<String> huge = owner.putForAnswer(path, new byte[70_000]);
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    assertThat(client.get(path, owner.credentials().token()).statusCode()).isEqualTo(404);

    // the right bytes: stored (201), the same again is 200
    HttpResponse<String> stored = owner.putForAnswer(path, run.checkpoint());
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
    CheckpointReceipt receipt = ApiClient.read(stored, CheckpointReceipt.class);
    assertThat(receipt.sha256()).isEqualTo(run.checkpointSha256());
    assertThat(receipt.bytes()).isEqualTo(run.checkpoint().length);
    assertThat(owner.put(path, run.checkpoint())).isEqualTo(200);

    // read back by its worker; not by a worker without work in the campaign, nor without a token
    HttpResponse<byte[]> back =
        client.getBytes(client.api().resolve(path).toString(), owner.credentials().token());
    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).isEqualTo(run.checkpoint());
    assertThat(
            client
                .getBytes(client.api().resolve(path).toString(), other.credentials().token())
                .statusCode())
        .isEqualTo(403);
    assertThat(client.getBytes(client.api().resolve(path).toString(), null).statusCode())
        .isEqualTo(401);
    assertThat(
            client
                .getBytes(
                    client.api().resolve("leases/nope/checkpoint").toString(),
                    owner.credentials().token())
                .statusCode())
        .isEqualTo(404);
    client.post("campaigns/" + campaign.campaignId() + "/cancel", researcher, null);
  }

  @Test
  void everyCheatOfTheAdversarialWorkerIsCaughtAndItsCreditsClawedBack() throws Exception {
    ApiClient client = new ApiClient(base.toURI());
    String admin = admin();
    cancelOpenCampaigns(client, admin);
    String researcher = client.openResearcher(admin, "trust-adversary-it");
    CampaignView campaign = launch(client, researcher, "adversaries", 24, 30);
    String id = campaign.campaignId();
    List<SimWorker> honest = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      honest.add(
          new SimWorker(client, "honest-" + i, SimWorker.Mode.HONEST, 2e4 + 3e3 * i, false)
              .only(id));
    }
    List<SimWorker> cheaters = new ArrayList<>();
    for (SimWorker.Mode mode :
        List.of(
            SimWorker.Mode.FABRICATE,
            SimWorker.Mode.INFLATE_STEPS,
            SimWorker.Mode.OTHER_TASK,
            SimWorker.Mode.REPLAY)) {
      // here cheaters run their checks honestly (the benchmark has them lie on checks too)
      cheaters.add(
          new SimWorker(client, "cheat-" + mode, mode, 2e4, false).only(id).lieOnChecks(false));
    }
    // the honest workers train first (and run the checks), then each cheater gets two tasks
    for (SimWorker h : honest) {
      trainOne(h);
    }
    for (int round = 0; round < 2; round++) {
      for (SimWorker c : cheaters) {
        trainOne(c);
      }
    }
    // everyone polls until the campaign is done and no check is left
    for (int pass = 0; pass < 400; pass++) {
      boolean any = false;
      for (SimWorker w : honest) {
        any |= w.step() != null;
      }
      for (SimWorker w : cheaters) {
        any |= w.step() != null;
      }
      if (!any
          && campaign(client, researcher, id).status().equals("COMPLETED")
          && !openChecks(client, admin)) {
        break;
      }
    }
    assertThat(campaign(client, researcher, id).status()).isEqualTo("COMPLETED");

    for (SimWorker c : cheaters) {
      assertThat(c.cheatLeases)
          .as(
              c.mode()
                  + " cheated; its trust: "
                  + client.get("trust/workers/" + c.credentials().workerId(), admin).body())
          .isNotEmpty();
      String events = client.get("trust/workers/" + c.credentials().workerId(), admin).body();
      for (String lease : c.cheatLeases) {
        assertThat(events)
            .as(c.mode() + " lease " + lease)
            .containsPattern("\"kind\":\"(CLAWBACK|REJECTED)\",\"lease_id\":\"" + lease + "\"");
      }
      WorkerAccount account =
          ApiClient.read(client.get("me", c.credentials().token()), WorkerAccount.class);
      assertThat(account.creditsClawedBack()).as(c.mode() + " clawed back").isPositive();
      if (c.mode() == SimWorker.Mode.FABRICATE || c.mode() == SimWorker.Mode.INFLATE_STEPS) {
        // cheating without a history: one rejection quarantines
        assertThat(account.quarantined()).as(c.mode() + " quarantined").isTrue();
      } else {
        // an honest first result softens the fall, but every later result is checked fully
        assertThat(account.reputation()).as(c.mode() + " reputation").isLessThan(0.5);
      }
    }
    for (SimWorker h : honest) {
      String events = client.get("trust/workers/" + h.credentials().workerId(), admin).body();
      assertThat(events)
          .as("honest " + h.credentials().workerId())
          .doesNotContain("CLAWBACK")
          .doesNotContain("REJECTED");
      assertThat(events).contains("CONFIRMED");
    }
    // the cheats' tasks went back to the queue and were done again
    TaskPage tasks =
        ApiClient.read(
            client.get("campaigns/" + id + "/tasks?page_size=100", researcher), TaskPage.class);
    long redone =
        tasks.items().stream()
            .map(TaskView::failureReasons)
            .filter(r -> r != null && r.contains("result INVALID"))
            .count();
    assertThat(redone).isPositive();
    assertThat(tasks.items())
        .allMatch(t -> t.status().equals("VALID") || t.status().equals("INVALID"));
    HttpResponse<String> ledger = client.get("ledger/verify", admin);
    assertThat(ApiClient.read(ledger, LedgerCheck.class).balanced()).as(ledger.body()).isTrue();
    Map<?, ?> summary = ApiClient.read(client.get("trust/checks", admin), Map.class);
    assertThat(summary.toString()).contains("verify_disagreed").contains("replicate_agreed");
  }

  /** Whether any check is still waiting, queued or leased. */
  private static boolean openChecks(ApiClient client, String admin) {
    String summary = client.get("trust/checks", admin).body();
    return summary.contains("_waiting")
        || summary.contains("_queued")
        || summary.contains("_leased");
  }

  private static void trainOne(SimWorker w) {
    for (int i = 0; i < 200; i++) {
      LeaseGrant g = w.step();
      if (g != null && g.task().kindOrTrain().equals("train")) {
        return;
      }
    }
  }

  private static CampaignView launch(
      ApiClient client, String researcher, String title, int tasks, int budget) throws Exception {
    String brief =
        "{\"title\":\""
            + title
            + "\",\"num_tasks\":"
            + tasks
            + ",\"time_budget_per_task\":"
            + budget
            + ",\"seed\":11,\"search_space\":"
            + SPACE
            + "}";
    HttpResponse<String> created = client.post("briefs", researcher, brief);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    CampaignView view = ApiClient.read(created, CampaignView.class);
    return awaitCampaign(client, researcher, view.campaignId(), c -> c.status().equals("RUNNING"));
  }

  private static LeaseGrant leaseOf(ApiClient client, WorkerCredentials worker, String campaignId) {
    for (int i = 0; i < 40; i++) {
      LeaseGrant g = client.lease(worker);
      if (g.task().campaignId().equals(campaignId)) {
        return g;
      }
      client.post(
          "leases/" + g.leaseId() + "/result",
          worker.token(),
          new TaskResult(
              g.task().taskId(),
              null,
              null,
              0L,
              0.0,
              "cpu",
              TaskResult.FAILED,
              "not this test's",
              false,
              0L,
              List.of()));
    }
    throw new AssertionError("no task of campaign " + campaignId);
  }

  private static CampaignView campaign(ApiClient client, String token, String id) {
    return ApiClient.read(client.get("campaigns/" + id, token), CampaignView.class);
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

  private static void cancelOpenCampaigns(ApiClient client, String admin) {
    HttpResponse<String> listed = client.get("campaigns", admin);
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    List<CampaignView> all =
        ApiClient.read(listed, new ArrayList<CampaignView>() {}.getClass().getGenericSuperclass());
    for (CampaignView c : all) {
      if (c.status().equals("RUNNING") || c.status().equals("PAUSED")) {
        client.post("campaigns/" + c.campaignId() + "/cancel", admin, null);
      }
    }
  }
}
