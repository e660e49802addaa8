package org.xeenet.api;

import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./xeenet bench dispatch --workers W --seconds S [--tasks N] [--warmup S0]}: starts a real
 * server on embedded Derby in a temporary directory, queues N tasks, and runs W simulated workers
 * over HTTP on 127.0.0.1, each doing lease → result (simulated results, no training) for S seconds.
 * Prints cycles/s, latency percentiles and the correctness counts; the last line is one JSON
 * object. The first S0 seconds (default 20) run the same loop unmeasured, while the fresh server's
 * JIT compiles; the CPU seconds the server used in the measured S seconds are reported too.
 *
 * <p>A brief takes at most 100,000 tasks; for a longer queue ({@code --tasks 1000000}) a brief of
 * 1,000 is expanded and the rest are copies written straight into the stopped server's database
 * ({@link #seed}), then the server starts again.
 */
public final class DispatchBenchmark {
  private static final String ADMIN = "dispatch-benchmark-admin-token";

  private DispatchBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int workers = Integer.parseInt(options.getOrDefault("workers", "200"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
    int tasks = Integer.parseInt(options.getOrDefault("tasks", "100000"));
    Path data = Files.createTempDirectory("xeenet-bench-dispatch");
    Map<String, String> environment =
        Map.of(
            "XEENET_ADMIN_TOKEN",
            ADMIN,
            "XEENET_SERVER_JAVA_OPTS",
            "-Xmx2g -Dxeenet.economics.starting-credits=1e15");
    ServerProcess server = ServerProcess.start(ServerProcess.freePort(), data, environment);
    try {
      ApiClient api = new ApiClient(server.base(), HttpClient.Version.HTTP_1_1);
      boolean seeded = tasks > MAX_BRIEF_TASKS;
      String campaign = queue(api, seeded ? SEED_BRIEF_TASKS : tasks);
      if (seeded) {
        // a brief takes at most 100,000 tasks: the rest are copies of its rows, written into the
        // stopped server's embedded database (see seed)
        server.stop();
        long seedStart = System.nanoTime();
        seed(data.resolve("derby"), campaign, SEED_BRIEF_TASKS, tasks);
        System.out.printf(
            "seeded %d more tasks in %.1f s%n",
            tasks - SEED_BRIEF_TASKS, (System.nanoTime() - seedStart) / 1e9);
        server = ServerProcess.start(ServerProcess.freePort(), data, environment);
        api = new ApiClient(server.base(), HttpClient.Version.HTTP_1_1);
      }
      run(server, api, campaign, workers, warmup, seconds, tasks);
    } finally {
      server.stop();
    }
  }

  private static final int MAX_BRIEF_TASKS = 100_000;
  private static final int SEED_BRIEF_TASKS = 1_000;

  /** Queues a campaign of this many tasks through a brief (the expansion job); answers its id. */
  private static String queue(ApiClient api, int tasks) throws Exception {
    long expandStart = System.nanoTime();
    HttpResponse<String> created =
        api.post(
            "briefs",
            ADMIN,
            "{\"title\":\"dispatch benchmark\",\"num_tasks\":"
                + tasks
                + ",\"time_budget_per_task\":3600}");
    if (created.statusCode() != 201) {
      throw new IllegalStateException("brief refused: " + created.body());
    }
    String campaign = ApiClient.read(created, CampaignView.class).campaignId();
    while (!ApiClient.read(api.get("campaigns/" + campaign, ADMIN), CampaignView.class)
        .status()
        .equals("RUNNING")) {
      Thread.sleep(200);
    }
    System.out.printf(
        "queued %d tasks in %.1f s%n", tasks, (System.nanoTime() - expandStart) / 1e9);
    return campaign;
  }

  /**
   * The benchmark's fast path to a long queue: with the server stopped, opens its embedded Derby
   * database (derby.jar of the runtime directory) and adds QUEUED tasks to the campaign, copies of
   * the configurations the expansion drew (cycled), with new ids and indexes {@code from..to-1}, in
   * JDBC batches. Nothing else about the campaign changes.
   */
  static void seed(Path database, String campaign, int from, int to) throws Exception {
    Path runtime = ServerProcess.root().resolve("xeenet-web/target/runtime");
    URLClassLoader derby =
        new URLClassLoader(
            new URL[] {
              runtime.resolve("derby.jar").toUri().toURL(),
              runtime.resolve("derbyshared.jar").toUri().toURL(),
              runtime.resolve("derbytools.jar").toUri().toURL()
            },
            ClassLoader.getPlatformClassLoader());
    Driver driver =
        (Driver)
            Class.forName("org.apache.derby.iapi.jdbc.AutoloadedDriver", true, derby)
                .getDeclaredConstructor()
                .newInstance();
    String url = "jdbc:derby:" + database;
    try (Connection db = driver.connect(url, new Properties())) {
      db.setAutoCommit(false);
      List<Object[]> templates = new ArrayList<>();
      try (PreparedStatement read =
          db.prepareStatement(
              "SELECT CONFIG_JSON, TIME_BUDGET, CODE_PACKAGE_REF, MAX_ATTEMPTS FROM XN_TASK"
                  + " WHERE CAMPAIGN_ID = ? ORDER BY TASK_INDEX")) {
        read.setString(1, campaign);
        try (ResultSet rs = read.executeQuery()) {
          while (rs.next()) {
            templates.add(
                new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4)});
          }
        }
      }
      Timestamp now = Timestamp.from(java.time.Instant.now());
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO XN_TASK (ID, CAMPAIGN_ID, TASK_INDEX, CONFIG_JSON, SEED, TIME_BUDGET,"
                  + " CODE_PACKAGE_REF, STATUS, ATTEMPTS, MAX_ATTEMPTS, SIMULATED, CREATED_AT)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, 0, ?)")) {
        for (int index = from; index < to; index++) {
          Object[] template = templates.get(index % templates.size());
          insert.setString(1, UUID.randomUUID().toString());
          insert.setString(2, campaign);
          insert.setInt(3, index);
          insert.setString(4, (String) template[0]);
          insert.setLong(5, index);
          insert.setInt(6, (Integer) template[1]);
          insert.setString(7, (String) template[2]);
          insert.setInt(8, (Integer) template[3]);
          insert.setTimestamp(9, now);
          insert.addBatch();
          if ((index - from + 1) % 5_000 == 0) {
            insert.executeBatch();
            db.commit();
          }
        }
        insert.executeBatch();
        db.commit();
      }
    }
    try {
      driver.connect(url + ";shutdown=true", new Properties());
    } catch (SQLException expected) {
      // Derby answers a clean shutdown with an exception (08006)
    }
    derby.close();
  }

  private static void run(
      ServerProcess server,
      ApiClient api,
      String campaign,
      int workers,
      int warmup,
      int seconds,
      int tasks)
      throws Exception {
    List<WorkerCredentials> credentials = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      credentials.add(
          ApiClient.read(
              api.post(
                  "workers",
                  null,
                  "{\"name\":\"bench-"
                      + w
                      + "\",\"resource_profile\":{\"cpu_cores\":2,\"ram_gb\":8},"
                      + "\"training_capability\":{\"code_packages\":[\"builtin:char-lm/1\"]}}"),
              WorkerCredentials.class));
    }
    Map<String, AtomicInteger> grants = new ConcurrentHashMap<>();
    Map<String, Boolean> acknowledged = new ConcurrentHashMap<>();
    Latencies lease = new Latencies();
    Latencies result = new Latencies();
    AtomicLong cycles = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    // the first warmup seconds run the same loop unmeasured: a freshly started server spends
    // them compiling (C2), which is not what a running queue costs
    long start = System.nanoTime() + warmup * 1_000_000_000L;
    long deadline = start + seconds * 1_000_000_000L;
    double[] cpuAtStart = new double[2];
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    clock.schedule(
        () -> {
          cpuAtStart[0] = server.cpuSeconds();
          cpuAtStart[1] = ServerProcess.cpuOf(ProcessHandle.current());
        },
        Math.max(0, start - System.nanoTime()),
        TimeUnit.NANOSECONDS);
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<?>> running = new ArrayList<>();
    for (WorkerCredentials me : credentials) {
      running.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < deadline) {
                  long t0 = System.nanoTime();
                  boolean measured = t0 >= start;
                  HttpResponse<String> leased;
                  try {
                    leased = api.post("workers/" + me.workerId() + "/lease", me.token(), "{}");
                  } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    continue;
                  }
                  if (measured) {
                    lease.add(System.nanoTime() - t0);
                  }
                  if (leased.statusCode() == 204) {
                    continue;
                  }
                  if (leased.statusCode() != 200) {
                    errors.incrementAndGet();
                    continue;
                  }
                  LeaseGrant grant = ApiClient.read(leased, LeaseGrant.class);
                  String taskId = grant.task().taskId();
                  grants.computeIfAbsent(taskId, t -> new AtomicInteger()).incrementAndGet();
                  long t1 = System.nanoTime();
                  HttpResponse<String> answered;
                  try {
                    answered =
                        api.post(
                            "leases/" + grant.leaseId() + "/result",
                            me.token(),
                            "{\"task_id\":\""
                                + taskId
                                + "\",\"status\":\"completed\",\"val_bpb\":2.5,"
                                + "\"steps_completed\":10,\"wall_time_seconds\":0.1,"
                                + "\"device_used\":\"cpu\",\"simulated\":true,"
                                + "\"tokens_processed\":100}");
                  } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    continue;
                  }
                  if (measured) {
                    result.add(System.nanoTime() - t1);
                  }
                  if (answered.statusCode() == 200) {
                    acknowledged.put(taskId, Boolean.TRUE);
                    if (measured) {
                      cycles.incrementAndGet();
                    }
                  } else {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> worker : running) {
      worker.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    double serverCpu = server.cpuSeconds() - cpuAtStart[0];
    double benchCpu = ServerProcess.cpuOf(ProcessHandle.current()) - cpuAtStart[1];
    clock.shutdown();
    pool.shutdown();

    CampaignView after =
        ApiClient.read(api.get("campaigns/" + campaign, ADMIN), CampaignView.class);
    long valid = after.taskCounts().getOrDefault("VALID", 0L);
    long duplicated = grants.values().stream().filter(c -> c.get() > 1).count();
    long lost = Math.max(0, acknowledged.size() - valid);
    String json =
        String.format(
            java.util.Locale.ROOT,
            "{\"workers\":%d,\"seconds\":%.1f,\"queued\":%d,\"cycles\":%d,\"cycles_per_s\":%.1f,"
                + "\"p50_lease_ms\":%.1f,\"p99_lease_ms\":%.1f,\"p50_result_ms\":%.1f,"
                + "\"p99_result_ms\":%.1f,\"errors\":%d,\"lost\":%d,\"duplicated\":%d,"
                + "\"server_cpu_s\":%.1f,\"bench_cpu_s\":%.1f,\"server_cpu_ms_per_cycle\":%.3f}",
            credentials.size(),
            elapsed,
            tasks,
            cycles.get(),
            cycles.get() / elapsed,
            lease.percentile(50),
            lease.percentile(99),
            result.percentile(50),
            result.percentile(99),
            errors.get(),
            lost,
            duplicated,
            serverCpu,
            benchCpu,
            cycles.get() == 0 ? 0 : serverCpu * 1000 / cycles.get());
    System.out.println(json);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }

  /** Latencies in nanoseconds, kept whole: a run produces at most a few million. */
  private static final class Latencies {
    private long[] values = new long[1 << 16];
    private int size;

    synchronized void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    synchronized double percentile(int p) {
      if (size == 0) {
        return 0;
      }
      long[] sorted = Arrays.copyOf(values, size);
      Arrays.sort(sorted);
      return sorted[Math.min(size - 1, (int) Math.ceil(p / 100.0 * size) - 1)] / 1e6;
    }
  }
}
