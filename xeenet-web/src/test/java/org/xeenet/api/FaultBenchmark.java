package org.xeenet.api;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./xeenet bench faults [--workers 200] [--kills 10] [--tasks 1000] [--abandon 0.05]}: a
 * server ({@code ./xeenet server}) on a Derby Network Server ({@code db-scripts/bin/derby-server}),
 * W simulated workers doing lease → result over HTTP (retrying every failed or timed-out call), a
 * fraction of leases abandoned as a worker killed mid-task would; meanwhile the server is killed
 * with kill -9 at random moments K times and restarted each time, and the Derby Network Server is
 * restarted once under load while the server keeps running. Then it checks: every accepted result's
 * task is VALID, no task is missing, every task finished, the ledger balances and kept every
 * transaction it had before each kill, abandoned tasks were leased again within one lease. The last
 * line is one JSON object.
 */
public final class FaultBenchmark {
  private static final String ADMIN = "fault-benchmark-admin-token";
  private static final int BUDGET = 10;
  private static final int GRACE = 10;
  private static final int REAP = 2;
  private static final Pattern TRANSACTIONS = Pattern.compile("\"transactions\":(\\d+)");

  private FaultBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int workers = Integer.parseInt(options.getOrDefault("workers", "200"));
    int kills = Integer.parseInt(options.getOrDefault("kills", "10"));
    int tasks = Integer.parseInt(options.getOrDefault("tasks", "1000"));
    double abandon = Double.parseDouble(options.getOrDefault("abandon", "0.05"));
    Path dir = Files.createTempDirectory("xeenet-bench-faults");
    int derbyPort = ServerProcess.freePort();
    int port = ServerProcess.freePort();
    Process derby = ServerProcess.startDerby(derbyPort, dir.resolve("derby-home"));
    Map<String, String> env =
        Map.of(
            "XEENET_ADMIN_TOKEN", ADMIN,
            "XEENET_DERBY_SERVER", "127.0.0.1:" + derbyPort,
            "XEENET_SERVER_JAVA_OPTS",
                "-Xmx2g -Dxeenet.economics.starting-credits=1e15 -Dxeenet.lease.budget-factor=1"
                    + " -Dxeenet.lease.grace-seconds="
                    + GRACE
                    + " -Dxeenet.lease.reap-interval-seconds="
                    + REAP
                    + " -Dxeenet.task.max-attempts=1000 -Dxeenet.registration.per-minute=0");
    Path data = dir.resolve("server");
    ServerProcess[] server = {ServerProcess.start(port, data, env, 1200)};
    try {
      new Run(
              new ApiClient(server[0].base(), java.net.http.HttpClient.Version.HTTP_1_1),
              workers,
              kills,
              tasks,
              abandon)
          .execute(
              () -> {
                server[0].crash();
                long from = System.nanoTime();
                server[0] = ServerProcess.start(port, data, env, 1200);
                return (System.nanoTime() - from) / 1e9;
              },
              new DerbyRestart(derbyPort, dir.resolve("derby-home"), derby));
    } finally {
      server[0].stop();
      ServerProcess.stop(DerbyRestart.current.get(), false);
    }
  }

  interface Restart {
    /** Kills the server with kill -9, starts it again; answers the seconds it took to be ready. */
    double crashAndRestart() throws Exception;
  }

  /** Stops the Derby Network Server and starts it again on the same port and home. */
  static final class DerbyRestart {
    static final java.util.concurrent.atomic.AtomicReference<Process> current =
        new java.util.concurrent.atomic.AtomicReference<>();
    private final int port;
    private final Path home;

    DerbyRestart(int port, Path home, Process first) {
      this.port = port;
      this.home = home;
      current.set(first);
    }

    void restart() throws Exception {
      ServerProcess.stop(current.get(), true);
      current.set(ServerProcess.startDerby(port, home));
    }
  }

  private static final class Run {
    private final ApiClient api;
    private final int workers;
    private final int kills;
    private final int tasks;
    private final double abandon;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong leases = new AtomicLong();
    private final Map<String, String> accepted = new ConcurrentHashMap<>();
    private final Map<String, Long> abandoned = new ConcurrentHashMap<>();
    private final Map<String, Long> reissued = new ConcurrentHashMap<>();
    private final List<long[]> downtimes = new ArrayList<>();

    Run(ApiClient api, int workers, int kills, int tasks, double abandon) {
      this.api = api;
      this.workers = workers;
      this.kills = kills;
      this.tasks = tasks;
      this.abandon = abandon;
    }

    void execute(Restart restart, DerbyRestart derby) throws Exception {
      long start = System.nanoTime();
      String campaign = createCampaign();
      ExecutorService pool = Executors.newFixedThreadPool(workers);
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        int index = w;
        running.add(pool.submit(() -> work(index, campaign)));
      }
      long transactionsLost = 0;
      double restartSeconds = 0;
      double derbyRecovery = -1;
      for (int k = 0; k < kills && !finished.get(); k++) {
        Thread.sleep(ThreadLocalRandom.current().nextLong(3_000, 15_000));
        if (k == kills / 2) {
          derbyRecovery = restartDerby(derby);
          Thread.sleep(ThreadLocalRandom.current().nextLong(2_000, 8_000));
        }
        long before = ledgerTransactions();
        long down = System.currentTimeMillis();
        double took = restart.crashAndRestart();
        synchronized (downtimes) {
          downtimes.add(new long[] {down, System.currentTimeMillis()});
        }
        restartSeconds += took;
        long after = ledgerTransactions();
        transactionsLost += Math.max(0, before - after);
        System.out.printf(
            "kill %d: restarted in %.1f s; ledger transactions %d before, %d after; %d results"
                + " accepted so far%n",
            k + 1, took, before, after, accepted.size());
      }
      String status = "";
      for (int i = 0; i < 3600 && !status.equals("COMPLETED"); i++) {
        status =
            call(() -> ApiClient.read(api.get("campaigns/" + campaign, ADMIN), CampaignView.class))
                .status();
        Thread.sleep(1000);
      }
      finished.set(true);
      for (Future<?> worker : running) {
        worker.get();
      }
      pool.shutdown();
      report(campaign, status, start, transactionsLost, restartSeconds, derbyRecovery);
    }

    private String createCampaign() throws Exception {
      HttpResponse<String> created =
          api.post(
              "briefs",
              ADMIN,
              "{\"title\":\"fault benchmark\",\"num_tasks\":"
                  + tasks
                  + ",\"time_budget_per_task\":"
                  + BUDGET
                  + "}");
      if (created.statusCode() != 201) {
        throw new IllegalStateException("brief refused: " + created.body());
      }
      String campaign = ApiClient.read(created, CampaignView.class).campaignId();
      for (int i = 0; i < 600; i++) {
        if (ApiClient.read(api.get("campaigns/" + campaign, ADMIN), CampaignView.class)
            .status()
            .equals("RUNNING")) {
          return campaign;
        }
        Thread.sleep(500);
      }
      throw new IllegalStateException("the campaign never ran");
    }

    private Void work(int index, String campaign) throws Exception {
      WorkerCredentials me =
          call(
              () -> {
                HttpResponse<String> r =
                    api.post(
                        "workers",
                        null,
                        "{\"name\":\"f"
                            + index
                            + "\",\"resource_profile\":{\"cpu_cores\":2,\"ram_gb\":8},"
                            + "\"training_capability\":{\"code_packages\":[\"builtin:char-lm/1\"]}}");
                if (r.statusCode() != 201) {
                  throw new IllegalStateException("register: " + r.statusCode());
                }
                return ApiClient.read(r, WorkerCredentials.class);
              });
      String key = UUID.randomUUID().toString();
      while (!finished.get()) {
        HttpResponse<String> leased;
        try {
          leased =
              api.post(
                  "workers/" + me.workerId() + "/lease", me.token(), "{}", "Idempotency-Key", key);
        } catch (RuntimeException e) {
          retries.incrementAndGet();
          Thread.sleep(1000);
          continue;
        }
        if (leased.statusCode() == 204) {
          Thread.sleep(1000);
          continue;
        }
        if (leased.statusCode() != 200) {
          retries.incrementAndGet();
          Thread.sleep(1000);
          continue;
        }
        key = UUID.randomUUID().toString();
        leases.incrementAndGet();
        LeaseGrant grant = ApiClient.read(leased, LeaseGrant.class);
        String task = grant.task().taskId();
        long now = System.currentTimeMillis();
        if (abandoned.containsKey(task)) {
          reissued.putIfAbsent(task, now);
        }
        if (ThreadLocalRandom.current().nextDouble() < abandon && !abandoned.containsKey(task)) {
          abandoned.put(task, now); // this worker "dies" mid-task: no heartbeat, no result
          continue;
        }
        String result =
            "{\"task_id\":\""
                + task
                + "\",\"status\":\"completed\",\"val_bpb\":2.5,\"train_loss\":1.8,"
                + "\"steps_completed\":100,\"wall_time_seconds\":1.0,\"device_used\":\"cpu\","
                + "\"simulated\":true,\"tokens_processed\":1000}";
        for (int attempt = 0; attempt < 1000 && !finished.get(); attempt++) {
          try {
            HttpResponse<String> sent =
                api.post("leases/" + grant.leaseId() + "/result", me.token(), result);
            if (sent.statusCode() == 200) {
              accepted.put(task, grant.leaseId());
              break;
            }
            if (sent.statusCode() / 100 == 4) {
              break; // the lease ended (expired while the server was down): the task goes back
            }
          } catch (RuntimeException e) {
            // server down or timed out: the same result again (submitting is idempotent)
          }
          retries.incrementAndGet();
          Thread.sleep(1000);
        }
      }
      return null;
    }

    private double restartDerby(DerbyRestart derby) throws Exception {
      System.out.println("restarting the Derby Network Server under load");
      long from = System.nanoTime();
      derby.restart();
      for (int i = 0; i < 600; i++) {
        try {
          HttpResponse<String> ready = api.get("../../health/ready", null);
          if (ready.statusCode() == 200 && ready.body().contains("\"UP\"")) {
            double seconds = (System.nanoTime() - from) / 1e9;
            System.out.printf("the server answers ready again %.1f s after the restart%n", seconds);
            return seconds;
          }
        } catch (RuntimeException e) {
          // keep asking
        }
        Thread.sleep(500);
      }
      return -1;
    }

    /** The ledger's transaction count, asked until the server answers with one. */
    private long ledgerTransactions() throws Exception {
      return call(
          () -> {
            Matcher m = TRANSACTIONS.matcher(api.get("ledger/verify", ADMIN).body());
            if (!m.find()) {
              throw new IllegalStateException("no ledger count yet");
            }
            return Long.parseLong(m.group(1));
          });
    }

    private void report(
        String campaign,
        String status,
        long start,
        long transactionsLost,
        double restartSeconds,
        double derbyRecovery)
        throws Exception {
      Set<String> valid = new HashSet<>();
      long total = 0;
      Map<String, Long> byStatus = new java.util.TreeMap<>();
      for (int page = 1; ; page++) {
        int p = page;
        TaskPage tasksPage =
            call(
                () ->
                    ApiClient.read(
                        api.get("campaigns/" + campaign + "/tasks?page_size=500&page=" + p, ADMIN),
                        TaskPage.class));
        total = tasksPage.total();
        for (TaskView t : tasksPage.items()) {
          byStatus.merge(t.status(), 1L, Long::sum);
          if (t.status().equals("VALID")) {
            valid.add(t.taskId());
          }
        }
        if (tasksPage.items().isEmpty() || (long) page * 500 >= total) {
          break;
        }
      }
      long resultsLost = accepted.keySet().stream().filter(t -> !valid.contains(t)).count();
      String ledger = call(() -> api.get("ledger/verify", ADMIN).body());
      boolean balanced = ledger.contains("\"balanced\":true");
      long leaseMillis = (BUDGET + GRACE) * 1000L;
      long withinOneLease = 0;
      long judged = 0;
      long maxReissue = 0;
      for (Map.Entry<String, Long> a : abandoned.entrySet()) {
        Long again = reissued.get(a.getKey());
        if (again == null) {
          continue;
        }
        if (overlapsDowntime(a.getValue(), again)) {
          continue; // a kill in between: the lease clock of a dead server is not the point here
        }
        judged++;
        long delay = again - a.getValue();
        maxReissue = Math.max(maxReissue, delay);
        if (delay <= leaseMillis + REAP * 1000L + 2000) {
          withinOneLease++;
        }
      }
      long notReissued = abandoned.keySet().stream().filter(t -> !reissued.containsKey(t)).count();
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "{\"workers\":%d,\"kills\":%d,\"derby_restarts\":1,\"tasks\":%d,\"campaign_status\":\"%s\","
              + "\"task_statuses\":%s,\"tasks_lost\":%d,\"tasks_not_finished\":%d,"
              + "\"accepted_results\":%d,\"accepted_results_lost\":%d,\"ledger_balanced\":%b,"
              + "\"ledger_transactions_lost\":%d,\"leases\":%d,\"abandoned\":%d,"
              + "\"abandoned_not_reissued\":%d,\"reissue_judged\":%d,\"reissued_within_one_lease\":%d,"
              + "\"lease_seconds\":%d,\"max_reissue_seconds\":%.1f,\"derby_recovery_seconds\":%.1f,"
              + "\"server_restart_seconds_avg\":%.1f,\"client_retries\":%d,\"seconds\":%.0f}%n",
          workers,
          kills,
          tasks,
          status,
          toJson(byStatus),
          Math.max(0, tasks - total),
          total - valid.size(),
          accepted.size(),
          resultsLost,
          balanced,
          transactionsLost,
          leases.get(),
          abandoned.size(),
          notReissued,
          judged,
          withinOneLease,
          BUDGET + GRACE,
          maxReissue / 1000.0,
          derbyRecovery,
          kills == 0 ? 0 : restartSeconds / kills,
          retries.get(),
          seconds);
    }

    private boolean overlapsDowntime(long from, long to) {
      synchronized (downtimes) {
        for (long[] d : downtimes) {
          if (d[0] <= to && d[1] >= from) {
            return true;
          }
        }
      }
      return false;
    }
  }

  private static String toJson(Map<String, Long> map) {
    StringBuilder json = new StringBuilder("{");
    map.forEach(
        (k, v) ->
            json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(v));
    return json.append('}').toString();
  }

  interface Call<T> {
    T run() throws Exception;
  }

  /** Retries a call until it answers (the server may be down or restarting). */
  static <T> T call(Call<T> call) throws Exception {
    RuntimeException last = null;
    for (int i = 0; i < 600; i++) {
      try {
        return call.run();
      } catch (RuntimeException e) {
        last = e;
        Thread.sleep(1000);
      }
    }
    throw last;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }
}
