package org.xeenet.api;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./xeenet bench expand [--tasks N] [--search S] [--repeats R]}: starts a real server (the
 * launcher's {@code ./xeenet server}: Payara Micro, embedded Derby in a temporary directory),
 * submits R briefs of N tasks (default 100,000, search {@code random}) one after the other and
 * times each from {@code POST /briefs} until the campaign is {@code RUNNING} with every task {@code
 * QUEUED} (polled every 20 ms), and the CPU time the server process consumed meanwhile (a figure
 * the machine's other load does not inflate as much as wall time). The last line is one JSON
 * object.
 */
public final class ExpandBenchmark {
  private static final String ADMIN = "expand-benchmark-admin-token";

  private ExpandBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int tasks = Integer.parseInt(options.getOrDefault("tasks", "100000"));
    int repeats = Integer.parseInt(options.getOrDefault("repeats", "3"));
    String search = options.getOrDefault("search", "random");
    Path data = Files.createTempDirectory("xeenet-bench-expand");
    ServerProcess server =
        ServerProcess.start(
            ServerProcess.freePort(),
            data,
            Map.of(
                "XEENET_ADMIN_TOKEN",
                ADMIN,
                "XEENET_SERVER_JAVA_OPTS",
                "-Xmx2g -Dxeenet.economics.starting-credits=1e15"));
    try {
      ApiClient api = new ApiClient(server.base());
      List<Double> seconds = new ArrayList<>();
      List<Double> cpu = new ArrayList<>();
      for (int r = 0; r < repeats; r++) {
        double cpu0 = server.cpuSeconds();
        double s = expand(api, tasks, search, r);
        double c = server.cpuSeconds() - cpu0;
        seconds.add(s);
        cpu.add(c);
        System.out.printf(
            Locale.ROOT,
            "run %d: %d tasks (%s) queued in %.2f s wall, %.2f s server CPU%n",
            r + 1,
            tasks,
            search,
            s,
            c);
      }
      List<Double> cpuSorted = new ArrayList<>(cpu);
      cpuSorted.sort(null);
      List<Double> sorted = new ArrayList<>(seconds);
      sorted.sort(null);
      double median = sorted.get((sorted.size() - 1) / 2);
      System.out.println(
          String.format(
              Locale.ROOT,
              "{\"benchmark\":\"expand\",\"tasks\":%d,\"search\":\"%s\",\"runs_s\":%s,"
                  + "\"median_s\":%.3f,\"best_s\":%.3f,\"tasks_per_s\":%.0f,"
                  + "\"server_cpu_s\":%s,\"median_server_cpu_s\":%.3f,\"target_s\":5}",
              tasks,
              search,
              seconds.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).toList(),
              median,
              sorted.get(0),
              tasks / median,
              cpu.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList(),
              cpuSorted.get((cpuSorted.size() - 1) / 2)));
    } finally {
      server.stop();
    }
  }

  private static double expand(ApiClient api, int tasks, String search, int run) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> created =
        api.post(
            "briefs",
            ADMIN,
            "{\"title\":\"expansion benchmark "
                + run
                + "\",\"num_tasks\":"
                + tasks
                + ",\"time_budget_per_task\":60,\"search\":\""
                + search
                + "\",\"seed\":"
                + (run + 1)
                + "}");
    if (created.statusCode() != 201) {
      throw new IllegalStateException("brief refused: " + created.body());
    }
    String campaign = ApiClient.read(created, CampaignView.class).campaignId();
    while (true) {
      CampaignView view =
          ApiClient.read(api.get("campaigns/" + campaign, ADMIN), CampaignView.class);
      if (view.status().equals("RUNNING")) {
        double s = (System.nanoTime() - start) / 1e9;
        long queued = view.taskCounts().getOrDefault("QUEUED", 0L);
        if (queued != tasks) {
          throw new IllegalStateException("RUNNING with " + queued + " of " + tasks + " queued");
        }
        return s;
      }
      if (!view.status().equals("EXPANDING")) {
        throw new IllegalStateException("campaign " + view.status() + ": " + view.statusDetail());
      }
      Thread.sleep(20);
    }
  }
}
