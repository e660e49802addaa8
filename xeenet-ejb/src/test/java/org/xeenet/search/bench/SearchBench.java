package org.xeenet.search.bench;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.results.control.ResultsAggregator;
import org.xeenet.search.control.CharLMConfigGenerator;
import org.xeenet.search.control.CharLMConfigGenerator.GeneratedConfig;
import org.xeenet.search.control.CharLMSearchSpace;
import org.xeenet.search.control.ConfigJson;
import org.xeenet.search.control.ConfigSampler;
import org.xeenet.search.control.SearchPlan;
import org.xeenet.search.control.SearchPlan.FollowUp;
import org.xeenet.search.control.SearchPlan.TaskState;

/**
 * {@code ./xeenet bench search}: random vs ASHA vs TPE at equal total compute on a cheap,
 * deterministic surrogate of the char-LM space, driven by the server's own {@link SearchPlan}
 * (expansion sampler and follow-up rules) with simulated asynchronous workers; then the time to
 * aggregate 100,000 synthetic results and to draw the tasks of a 100,000-task brief. No server.
 *
 * <p>Compute is counted in training steps (every task costs its max_steps). Random search runs
 * {@link #TASKS} tasks of {@link #FULL_STEPS} steps; TPE the same number of tasks; ASHA as many
 * rungs' tasks as fit the same total steps. {@code compute_ratio_vs_random}: the steps a method had
 * spent when it first matched random search's final best val_bpb, over random search's total steps
 * (lower is better; above 1 or null: it did not match it within the budget), mean of the campaign
 * seeds. The last line of output is a JSON object.
 */
public final class SearchBench {
  static final int TASKS = 40;
  static final long FULL_STEPS = 2000;
  static final int WORKERS = 4;
  static final long[] SEEDS = {11, 22, 33};
  private static final Jsonb JSONB = JsonbBuilder.create();

  /** One finished task of a simulated campaign. */
  record Done(int index, double value, long steps, long computeAtEnd) {}

  /** What one method did in one campaign. */
  record Run(
      String method, long seed, double best, double bestTrue, long compute, List<Done> done) {}

  public static void main(String[] args) throws Exception {
    CharLMSearchSpace space = CharLMSearchSpace.withOverrides(null, new ArrayList<FieldError>());
    Map<String, double[]> ratios = new LinkedHashMap<>();
    Map<String, double[]> bests = new LinkedHashMap<>();
    Map<String, double[]> trueBests = new LinkedHashMap<>();
    String[] methods = {"random", "asha", "tpe"};
    for (String m : methods) {
      ratios.put(m, new double[SEEDS.length]);
      bests.put(m, new double[SEEDS.length]);
      trueBests.put(m, new double[SEEDS.length]);
    }
    long budget = TASKS * FULL_STEPS;
    System.out.printf(
        Locale.ROOT,
        "surrogate char-LM objective, %d workers, budget %d steps per seed (%d tasks x %d steps)%n",
        WORKERS,
        budget,
        TASKS,
        FULL_STEPS);
    for (int s = 0; s < SEEDS.length; s++) {
      long seed = SEEDS[s];
      Run random = simulate("random", space, seed, budget);
      for (String m : methods) {
        Run run = m.equals("random") ? random : simulate(m, space, seed, budget);
        double reached = computeToReach(run, random.best());
        ratios.get(m)[s] = reached / random.compute();
        bests.get(m)[s] = run.best();
        trueBests.get(m)[s] = run.bestTrue();
        System.out.printf(
            Locale.ROOT,
            "seed %d %-6s tasks %3d compute %6d steps  best val_bpb %.4f (noise-free %.4f)"
                + "  compute to match random's best: %s%n",
            seed,
            m,
            run.done().size(),
            run.compute(),
            run.best(),
            run.bestTrue(),
            Double.isNaN(reached)
                ? "never"
                : String.format(Locale.ROOT, "%.2f x", reached / random.compute()));
      }
    }
    double aggregation = timeAggregation(100_000);
    double aggregationCpu = lastCpuSeconds;
    double aggregationParsed = timeAggregationWithJson(100_000);
    double aggregationParsedCpu = lastCpuSeconds;
    Map<String, Double> expansion = new LinkedHashMap<>();
    for (String m : new String[] {"random", "sobol", "grid"}) {
      expansion.put(m, timeExpansion(space, m, 100_000));
    }
    System.out.printf(
        Locale.ROOT,
        "aggregation of 100000 results: %.3f s (%.3f s with JSON configs)%n",
        aggregation,
        aggregationParsed);
    expansion.forEach(
        (m, t) ->
            System.out.printf(
                Locale.ROOT, "drawing and serialising 100000 %s configs: %.3f s%n", m, t));
    StringBuilder json = new StringBuilder("{");
    json.append("\"benchmark\":\"search\",\"budget_steps_per_seed\":").append(budget);
    json.append(",\"seeds\":[11,22,33],\"workers\":").append(WORKERS);
    json.append(",\"compute_ratio_vs_random\":").append(means(ratios));
    json.append(",\"best_val_bpb\":").append(means(bests));
    json.append(",\"best_val_bpb_noise_free\":").append(means(trueBests));
    json.append(String.format(Locale.ROOT, ",\"aggregation_100k_s\":%.3f", aggregation));
    json.append(
        String.format(Locale.ROOT, ",\"aggregation_100k_with_json_s\":%.3f", aggregationParsed));
    json.append(
        String.format(
            Locale.ROOT,
            ",\"aggregation_100k_cpu_s\":%.3f,\"aggregation_100k_with_json_cpu_s\":%.3f",
            aggregationCpu,
            aggregationParsedCpu));
    json.append(",\"draw_100k_configs_s\":{");
    int i = 0;
    for (Map.Entry<String, Double> e : expansion.entrySet()) {
      json.append(i++ == 0 ? "" : ",")
          .append('"')
          .append(e.getKey())
          .append("\":")
          .append(String.format(Locale.ROOT, "%.3f", e.getValue()));
    }
    json.append("}}");
    System.out.println(json);
  }

  private static String means(Map<String, double[]> values) {
    StringBuilder out = new StringBuilder("{");
    int i = 0;
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      double sum = 0;
      boolean nan = false;
      for (double v : e.getValue()) {
        nan |= Double.isNaN(v);
        sum += v;
      }
      out.append(i++ == 0 ? "" : ",").append('"').append(e.getKey()).append("\":");
      out.append(nan ? "null" : String.format(Locale.ROOT, "%.4f", sum / e.getValue().length));
    }
    return out.append('}').toString();
  }

  /** The steps spent (finished tasks, in finishing order) when {@code target} was first reached. */
  static double computeToReach(Run run, double target) {
    for (Done d : run.done()) {
      if (d.value() <= target + 1e-12) {
        return d.computeAtEnd();
      }
    }
    return Double.NaN;
  }

  /**
   * One campaign with {@link #WORKERS} workers; a task of s steps takes s time units. Tasks are
   * leased in index order; a finished task's result goes through the plan's follow-up rules. No
   * task starts once the steps spent or under way reach the budget.
   */
  static Run simulate(String method, CharLMSearchSpace space, long seed, long budget) {
    int numTasks = method.equals("asha") ? 10_000 : TASKS;
    SearchPlan plan =
        new SearchPlan(
            method,
            space,
            seed,
            numTasks,
            600,
            FULL_STEPS,
            null,
            method.equals("random") ? null : WORKERS);
    ConfigSampler sampler = plan.expansionSampler();
    List<TaskState> tasks = new ArrayList<>();
    List<GeneratedConfig> configs = new ArrayList<>();
    for (int i = 0; i < plan.initialTasks(); i++) {
      GeneratedConfig g = sampler.generate(i);
      configs.add(g);
      tasks.add(new TaskState(i, 0, null, g.config(), null, true));
    }
    PriorityQueue<double[]> running = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    int next = 0;
    double now = 0;
    long committed = 0;
    long spent = 0;
    int idle = WORKERS;
    List<Done> done = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    double bestTrue = Double.POSITIVE_INFINITY;
    while (true) {
      while (idle > 0 && next < tasks.size() && committed < budget) {
        long steps = stepsOf(configs.get(next).config());
        committed += steps;
        running.add(new double[] {now + steps, next});
        next++;
        idle--;
      }
      if (running.isEmpty()) {
        break;
      }
      double[] finished = running.poll();
      now = finished[0];
      idle++;
      int index = (int) finished[1];
      GeneratedConfig g = configs.get(index);
      long steps = stepsOf(g.config());
      spent += steps;
      double value = Surrogate.valBpb(g.config(), steps, g.seed());
      done.add(new Done(index, value, steps, spent));
      if (value < best) {
        best = value;
        bestTrue = Surrogate.valBpb(g.config(), FULL_STEPS, null);
      }
      TaskState t = tasks.get(index);
      tasks.set(
          index, new TaskState(t.index(), t.rung(), t.parentIndex(), t.config(), value, false));
      if (committed < budget) {
        for (FollowUp f : plan.followUps(tasks)) {
          configs.add(f.config());
          tasks.add(
              new TaskState(
                  f.config().index(), f.rung(), f.parentIndex(), f.config().config(), null, true));
        }
      }
    }
    return new Run(method, seed, best, bestTrue, spent, done);
  }

  private static long stepsOf(Map<String, Object> config) {
    Object steps = config.get(SearchPlan.MAX_STEPS);
    return steps == null ? FULL_STEPS : ((Number) steps).longValue();
  }

  static List<ResultsAggregator.Row> syntheticRows(CharLMSearchSpace space, int n) {
    CharLMConfigGenerator random = new CharLMConfigGenerator(space, 5);
    List<ResultsAggregator.Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      GeneratedConfig g = random.generate(i);
      rows.add(
          new ResultsAggregator.Row(
              i,
              "task-" + i,
              g.seed(),
              g.config(),
              Surrogate.valBpb(g.config(), FULL_STEPS, g.seed()),
              0,
              FULL_STEPS,
              null,
              120.0));
    }
    return rows;
  }

  private static final java.lang.management.ThreadMXBean CPU =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** CPU seconds of the calling thread in the last timed aggregation. */
  private static double lastCpuSeconds;

  static double timeAggregation(int n) {
    CharLMSearchSpace space = CharLMSearchSpace.withOverrides(null, new ArrayList<>());
    List<ResultsAggregator.Row> rows = syntheticRows(space, n);
    ResultsAggregator.aggregate(rows.subList(0, 1000), 10); // warm-up
    long start = System.nanoTime();
    long cpu0 = CPU.getCurrentThreadCpuTime();
    ResultsAggregator.Aggregate a = ResultsAggregator.aggregate(rows, ResultsAggregator.TOP_K);
    double s = (System.nanoTime() - start) / 1e9;
    lastCpuSeconds = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
    if (a.top().isEmpty()) {
      throw new IllegalStateException();
    }
    return s;
  }

  /** As the server does it: config JSON strings parsed and normalised, then aggregated. */
  static double timeAggregationWithJson(int n) {
    CharLMSearchSpace space = CharLMSearchSpace.withOverrides(null, new ArrayList<>());
    List<ResultsAggregator.Row> rows = syntheticRows(space, n);
    List<String> json = rows.stream().map(r -> JSONB.toJson(r.config())).toList();
    long start = System.nanoTime();
    long cpu0 = CPU.getCurrentThreadCpuTime();
    List<ResultsAggregator.Row> parsed = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ResultsAggregator.Row r = rows.get(i);
      Map<String, Object> config = ConfigJson.parse(json.get(i));
      parsed.add(
          new ResultsAggregator.Row(
              r.index(),
              r.taskId(),
              r.seed(),
              config,
              r.valBpb(),
              0,
              r.stepsCompleted(),
              null,
              r.wallTimeSeconds()));
    }
    ResultsAggregator.aggregate(parsed, ResultsAggregator.TOP_K);
    lastCpuSeconds = (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9;
    return (System.nanoTime() - start) / 1e9;
  }

  /** Drawing a 100,000-task brief's configurations and their JSON, as the expansion job does. */
  static double timeExpansion(CharLMSearchSpace space, String method, int n) {
    SearchPlan plan = new SearchPlan(method, space, 7, n, 120, 2000L, null, null);
    ConfigSampler sampler = plan.expansionSampler();
    for (int i = 0; i < 1000; i++) {
      ConfigJson.write(sampler.generate(i).config());
    }
    long start = System.nanoTime();
    long chars = 0;
    for (int i = 0; i < n; i++) {
      chars += ConfigJson.write(sampler.generate(i).config()).length();
    }
    if (chars == 0) {
      throw new IllegalStateException();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /**
   * A cheap deterministic stand-in for training a char-LM for some steps: a capacity floor that
   * falls with depth, width and context; a power-law approach to it whose speed depends on the
   * learning rate (optimum shrinking with width, ~2e-3 at 64), on the batch and on warmup; dropout
   * and weight decay cost a little at these short budgets; ±0.02 seed noise.
   */
  static final class Surrogate {
    static double valBpb(Map<String, Object> c, long steps, Long seed) {
      int layers = (Integer) c.get("n_layer");
      int width = (Integer) c.get("n_embd");
      int context = (Integer) c.get("block_size");
      int batch = (Integer) c.get("batch_size");
      double lr = (Double) c.get("learning_rate");
      double dropout = (Double) c.get("dropout");
      double decay = (Double) c.get("weight_decay");
      int warmup = (Integer) c.get("warmup_steps");
      double params = layers * 12.0 * width * width;
      double floor =
          1.45
              + 1.1 / Math.sqrt(1 + params / 200_000.0)
              - 0.06 * Math.log(context / 32.0) / Math.log(2);
      double bestLr = 2e-3 * Math.sqrt(64.0 / width);
      double lrFit = Math.exp(-Math.pow(Math.log10(lr / bestLr), 2) / 0.18);
      double speed = lrFit * Math.pow(batch / 16.0, 0.5) / (1 + params / 2_000_000.0);
      double effective = Math.max(1, steps - 0.5 * warmup) * speed;
      double gap = 2.6 * Math.pow(1 + effective / 150.0, -0.55);
      double value = floor + gap + 0.4 * dropout + 0.3 * decay;
      if (seed != null) {
        long h = CharLMConfigGenerator.mix(seed * 31 + c.hashCode());
        value += ((h >>> 11) * 0x1.0p-53 - 0.5) * 0.04;
      }
      return value;
    }
  }

  private SearchBench() {}
}
