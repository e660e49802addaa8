package org.xeenet.api;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xeenet.trust.SimWorker;
import org.xeenet.trust.SimWorker.Mode;
import org.xeenet.trust.boundary.TrustResource.LeaseStanding;

/**
 * {@code ./xeenet bench trust}: detection of cheating over a campaign of simulated work. Starts its
 * own server (embedded Derby in a temporary directory) with the test-only setting {@code
 * xeenet.economics.credit-simulated=true}, so that simulated results earn (and lose) credits like
 * real ones; runs a {@code --tasks} (200) task campaign with {@code --honest} (10) honest and three
 * cheating {@link SimWorker}s (fabricated val_bpb; more steps than run; a mix of another task's
 * result, replays, fabrication and inflation), round robin, until the campaign is complete and no
 * check is left; then counts, from the server's own records, the cheats caught, the honest results
 * rejected, the false credits left, whether the ledger balances and the compute the checks cost.
 * The last line is one JSON object.
 */
public final class TrustBenchmark {
  private static final String ADMIN = "trust-benchmark-admin-token";

  private TrustBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int tasks = Integer.parseInt(options.getOrDefault("tasks", "200"));
    int honest = Integer.parseInt(options.getOrDefault("honest", "10"));
    int budget = Integer.parseInt(options.getOrDefault("budget", "60"));
    Path data = Files.createTempDirectory("xeenet-bench-trust");
    ServerProcess server =
        ServerProcess.start(
            ServerProcess.freePort(),
            data,
            Map.of(
                "XEENET_ADMIN_TOKEN",
                ADMIN,
                "XEENET_SERVER_JAVA_OPTS",
                "-Xmx1g -Dxeenet.economics.credit-simulated=true"
                    + " -Dxeenet.economics.starting-credits=1e9"));
    try {
      run(new ApiClient(server.base()), tasks, honest, budget);
    } finally {
      server.stop();
    }
  }

  private static void run(ApiClient api, int tasks, int honestCount, int budget) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> created =
        api.post(
            "briefs",
            ADMIN,
            "{\"title\":\"trust benchmark\",\"num_tasks\":"
                + tasks
                + ",\"time_budget_per_task\":"
                + budget
                + ",\"seed\":2026,\"search_space\":{\"n_layer\":[1,2],"
                + "\"n_embd\":[32,64],\"n_head\":2,\"block_size\":64,"
                + "\"batch_size\":16,\"learning_rate\":{\"low\":0.0003,\"high\":0.01,"
                + "\"log\":true}}}");
    if (created.statusCode() != 201) {
      throw new IllegalStateException("brief refused: " + created.body());
    }
    String campaign = ApiClient.read(created, CampaignView.class).campaignId();
    while (!status(api, campaign).equals("RUNNING")) {
      Thread.sleep(200);
    }
    List<SimWorker> workers = new ArrayList<>();
    for (int i = 0; i < honestCount; i++) {
      workers.add(new SimWorker(api, "honest-" + i, Mode.HONEST, 15_000 + 2_000 * i, true));
    }
    workers.add(new SimWorker(api, "cheat-fabricate", Mode.FABRICATE, 20_000, true));
    workers.add(new SimWorker(api, "cheat-inflate", Mode.INFLATE_STEPS, 20_000, true));
    workers.add(new SimWorker(api, "cheat-mixed", Mode.MIXED, 20_000, true));
    int idle = 0;
    int polls = 0;
    while (idle < 3 * workers.size() && polls < 200 * tasks) {
      boolean any = false;
      for (SimWorker w : workers) {
        any |= w.step() != null;
        polls++;
      }
      if (any) {
        idle = 0;
      } else {
        idle += workers.size();
        if (!status(api, campaign).equals("COMPLETED")) {
          idle = 0;
          Thread.sleep(100);
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;

    int fabricated = 0;
    int caught = 0;
    int honestResults = 0;
    int honestRejected = 0;
    int honestConfirmed = 0;
    double falseCreditLeft = 0;
    double falseCreditPaid = 0;
    long trainingCost = 0;
    long checkCost = 0;
    int quarantined = 0;
    int cheatersQuarantined = 0;
    for (SimWorker w : workers) {
      trainingCost += w.trainingCost;
      checkCost += w.checkCost;
      boolean q = w.quarantined();
      quarantined += q ? 1 : 0;
      cheatersQuarantined += q && w.mode() != Mode.HONEST ? 1 : 0;
      for (String lease : w.cheatLeases) {
        LeaseStanding s = standing(api, lease);
        fabricated++;
        caught += s.events().contains("CLAWBACK") || s.events().contains("REJECTED") ? 1 : 0;
        falseCreditPaid += s.credited();
        falseCreditLeft += s.credited() - s.clawedBack();
      }
      for (String lease : w.honestLeases) {
        LeaseStanding s = standing(api, lease);
        honestResults++;
        honestRejected +=
            s.events().contains("CLAWBACK") || s.events().contains("REJECTED") ? 1 : 0;
        honestConfirmed += s.events().contains("CONFIRMED") ? 1 : 0;
      }
    }
    Map<?, ?> ledger = ApiClient.read(api.get("ledger/verify", ADMIN), Map.class);
    Map<?, ?> checks = ApiClient.read(api.get("trust/checks", ADMIN), Map.class);
    CampaignView view = ApiClient.read(api.get("campaigns/" + campaign, ADMIN), CampaignView.class);
    double overhead = trainingCost == 0 ? 0 : 100.0 * checkCost / trainingCost;
    System.out.printf(
        Locale.ROOT,
        "campaign %s: %d tasks, %s; %d honest results (%d confirmed by a check), %d cheats%n",
        campaign,
        tasks,
        view.status(),
        honestResults,
        honestConfirmed,
        fabricated);
    System.out.println("checks: " + checks);
    System.out.printf(
        Locale.ROOT,
        "compute (forward-token passes): training %d, checks %d (%.2f %%); %.1f s wall%n",
        trainingCost,
        checkCost,
        overhead,
        seconds);
    System.out.printf(
        Locale.ROOT,
        "{\"tasks\":%d,\"honest_workers\":%d,\"cheating_workers\":3,\"fabricated\":%d,"
            + "\"caught\":%d,\"honest_results\":%d,\"honest_rejected\":%d,"
            + "\"false_credit_paid\":%.3f,\"false_credit_left\":%.3f,\"ledger_balanced\":%s,"
            + "\"overhead_pct\":%.2f,\"cheaters_quarantined\":%d,\"quarantined\":%d,"
            + "\"campaign_status\":\"%s\",\"seconds\":%.1f}%n",
        tasks,
        honestCount,
        fabricated,
        caught,
        honestResults,
        honestRejected,
        falseCreditPaid,
        falseCreditLeft,
        ledger.get("balanced"),
        overhead,
        cheatersQuarantined,
        quarantined,
        view.status(),
        seconds);
  }

  private static String status(ApiClient api, String campaign) {
    return ApiClient.read(api.get("campaigns/" + campaign, ADMIN), CampaignView.class).status();
  }

  private static LeaseStanding standing(ApiClient api, String lease) {
    return ApiClient.read(api.get("trust/leases/" + lease, ADMIN), LeaseStanding.class);
  }
}
