package org.xeenet.portal;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.xeenet.api.ApiClient;
import org.xeenet.api.CampaignView;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.ResourceProfile;
import org.xeenet.api.WorkerCredentials;
import org.xeenet.economics.control.Metering;

/**
 * Realistic portal data over the real API, for the browser checks, the screenshots and {@code
 * ./xeenet bench portal}: a brief, a few named workers with different devices, and results whose
 * val_bpb depends on the configuration the way small char-LMs do (too small or too large a learning
 * rate hurts, width and depth help up to the time budget), with learning curves and throughputs the
 * trust checks accept, so they are credited and ranked. Not a test of its own.
 */
public final class PortalData {
  private static final String[] NAMES = {
    "ada-laptop", "boinc-veteran", "lab-desktop", "gpu-box", "raspberry-farm", "night-owl"
  };
  private static final ResourceProfile[] DEVICES = {
    new ResourceProfile(8, 16.0, null, null, "Linux", "amd64", 60_000.0),
    new ResourceProfile(4, 8.0, null, null, "Windows", "amd64", 35_000.0),
    new ResourceProfile(16, 64.0, null, null, "Linux", "amd64", 90_000.0),
    new ResourceProfile(12, 32.0, "RTX 3060", 12.0, "Linux", "amd64", 400_000.0),
    new ResourceProfile(4, 4.0, null, null, "Linux", "aarch64", 8_000.0),
    new ResourceProfile(10, 16.0, null, null, "Mac OS X", "aarch64", 70_000.0)
  };

  private final ApiClient api;
  private final List<WorkerCredentials> workers = new ArrayList<>();
  private final List<ResourceProfile> devices = new ArrayList<>();

  public PortalData(ApiClient api) {
    this.api = api;
  }

  /** Registers {@code count} named workers (names repeat with a number past six). */
  public PortalData workers(int count) {
    for (int i = 0; i < count; i++) {
      String name = NAMES[i % NAMES.length] + (i < NAMES.length ? "" : "-" + (i / NAMES.length));
      ResourceProfile device = DEVICES[i % DEVICES.length];
      workers.add(api.registerWorker(name, device, "builtin:char-lm/1"));
      devices.add(device);
    }
    return this;
  }

  /** Submits a brief and waits until its tasks are queued; answers the campaign id. */
  public String campaign(String token, String title, int tasks, int timeBudget, String search) {
    String brief =
        String.format(
            Locale.ROOT,
            "{\"title\":\"%s\",\"description\":\"Which small GPT learns tiny Shakespeare best in"
                + " %d s on a volunteer's CPU? Depth, width, context and learning rate vary.\","
                + "\"num_tasks\":%d,\"time_budget_per_task\":%d,\"search\":\"%s\",\"seed\":7}",
            title,
            timeBudget,
            tasks,
            timeBudget,
            search);
    HttpResponse<String> created = api.post("briefs", token, brief);
    if (created.statusCode() != 201) {
      throw new IllegalStateException("brief refused: " + created.body());
    }
    String id = ApiClient.read(created, CampaignView.class).campaignId();
    long deadline = System.currentTimeMillis() + 600_000;
    while (!"RUNNING".equals(status(token, id))) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("campaign " + id + " never started");
      }
      sleep(200);
    }
    return id;
  }

  public String status(String token, String campaignId) {
    return ApiClient.read(api.get("campaigns/" + campaignId, token), CampaignView.class).status();
  }

  /**
   * The registered workers lease and answer {@code results} tasks in parallel (one thread each);
   * every 11th result is a failed run, so the table shows failures with their reasons. Answers how
   * many results were accepted.
   */
  public int results(int results) throws Exception {
    AtomicInteger left = new AtomicInteger(results);
    AtomicInteger accepted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(workers.size());
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < workers.size(); w++) {
      WorkerCredentials me = workers.get(w);
      ResourceProfile device = devices.get(w);
      running.add(
          pool.submit(
              () -> {
                while (left.getAndDecrement() > 0) {
                  HttpResponse<String> leased =
                      api.post("workers/" + me.workerId() + "/lease", me.token(), "{}");
                  if (leased.statusCode() != 200) {
                    return null;
                  }
                  LeaseGrant grant = ApiClient.read(leased, LeaseGrant.class);
                  String body = result(grant, device);
                  HttpResponse<String> answered =
                      api.post("leases/" + grant.leaseId() + "/result", me.token(), body);
                  if (answered.statusCode() == 200) {
                    accepted.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    return accepted.get();
  }

  /** A plausible result of the leased task, as JSON. */
  static String result(LeaseGrant grant, ResourceProfile device) {
    Map<String, Object> config = grant.task().config();
    String taskId = grant.task().taskId();
    Random random = new Random(taskId.hashCode());
    int budget = grant.task().timeBudget();
    int index = Math.floorMod(taskId.hashCode(), 1000);
    if (index % 11 == 5) {
      return String.format(
          Locale.ROOT,
          "{\"task_id\":\"%s\",\"status\":\"failed\",\"error\":\"out of memory: batch_size %s"
              + " × block_size %s does not fit\",\"wall_time_seconds\":%.1f,\"device_used\":\"cpu\","
              + "\"simulated\":false}",
          taskId,
          config.get("batch_size"),
          config.get("block_size"),
          3 + random.nextDouble() * 5);
    }
    double batch = num(config, "batch_size", 16);
    double block = num(config, "block_size", 64);
    double wall = budget * (0.93 + 0.05 * random.nextDouble());
    // tokens/s within what the worker's benchmark allows for this model (at 40 % of the bound)
    double ratio =
        Metering.trainingFlopsPerToken(
                Map.of("n_layer", 2, "n_embd", 128, "block_size", 64, "batch_size", 16))
            / Metering.trainingFlopsPerToken(config);
    double tokensPerS =
        device.benchmarkTokensPerS() * ratio * 0.4 * (0.8 + 0.2 * random.nextDouble());
    long steps = Math.max(30, (long) (wall * tokensPerS / (batch * block)));
    long tokens = (long) (steps * batch * block);
    double bpb = bpb(config, tokens, random);
    double trainLoss = bpb * Math.log(2) * 0.97;
    StringBuilder curve = new StringBuilder("[");
    int points = 12;
    for (int p = 0; p <= points; p++) {
      double f = p / (double) points;
      long step = Math.max(1, Math.round(steps * f));
      double loss =
          trainLoss
              + (4.17 - trainLoss) * Math.exp(-4.5 * f)
              + 0.02 * random.nextGaussian() * (1 - f);
      double val = bpb + (5.9 - bpb) * Math.exp(-4.2 * f);
      if (p > 0) {
        curve.append(',');
      }
      curve.append(
          String.format(
              Locale.ROOT,
              "{\"step\":%d,\"elapsed_s\":%.2f,\"train_loss\":%.4f%s}",
              step,
              wall * f,
              p == points ? trainLoss : Math.max(trainLoss, loss),
              p % 3 == 0
                  ? String.format(Locale.ROOT, ",\"val_bpb\":%.4f", p == points ? bpb : val)
                  : ""));
    }
    curve.append(']');
    return String.format(
        Locale.ROOT,
        "{\"task_id\":\"%s\",\"status\":\"completed\",\"val_bpb\":%.4f,\"train_loss\":%.4f,"
            + "\"steps_completed\":%d,\"wall_time_seconds\":%.2f,\"device_used\":\"%s\","
            + "\"simulated\":false,\"tokens_processed\":%d,\"curve\":%s}",
        taskId,
        bpb,
        trainLoss,
        steps,
        wall,
        device.gpuName() == null ? "cpu" : "gpu",
        tokens,
        curve);
  }

  /** val_bpb of a small char-LM: a learning-rate sweet spot, capacity helps, noise across seeds. */
  static double bpb(Map<String, Object> config, long tokens, Random random) {
    double lr = num(config, "learning_rate", 1e-3);
    double layers = num(config, "n_layer", 2);
    double width = num(config, "n_embd", 64);
    double context = num(config, "block_size", 64);
    double dropout = num(config, "dropout", 0.0);
    double lrPenalty = 0.35 * Math.pow(Math.log10(lr / 1.5e-3), 2);
    double capacity = -0.18 * Math.log(layers * width / 64.0) / Math.log(4);
    double contextGain = -0.05 * Math.log(context / 32.0) / Math.log(2);
    double value =
        2.2 + lrPenalty + capacity + contextGain + 0.4 * dropout + 0.04 * random.nextGaussian();
    double floor = 4.5 - 0.5 * Math.log10(Math.max(1, tokens));
    return Math.max(floor + 0.15, value);
  }

  /**
   * By hand against a running server: {@code PortalData URL TOKEN TASKS RESULTS WORKERS [BUDGET]}
   * creates a campaign and fills it with results.
   */
  public static void main(String[] args) throws Exception {
    ApiClient api = new ApiClient(java.net.URI.create(args[0]));
    PortalData data = new PortalData(api).workers(Integer.parseInt(args[4]));
    String id =
        data.campaign(
            args[1],
            "Tiny Shakespeare: depth, width and learning rate",
            Integer.parseInt(args[2]),
            args.length > 5 ? Integer.parseInt(args[5]) : 120,
            "random");
    long start = System.nanoTime();
    int accepted = data.results(Integer.parseInt(args[3]));
    System.out.printf(
        Locale.ROOT,
        "campaign %s: %d results in %.1f s%n",
        id,
        accepted,
        (System.nanoTime() - start) / 1e9);
  }

  private static double num(Map<String, Object> config, String key, double otherwise) {
    return config.get(key) instanceof Number n ? n.doubleValue() : otherwise;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
