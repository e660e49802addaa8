package org.xeenet.search.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xeenet.search.control.CharLMConfigGenerator.GeneratedConfig;

/**
 * How a campaign searches: which sampler draws the tasks the expansion job queues, how many it
 * queues, the budget of each task, and — for the adaptive searches {@code tpe} and {@code asha} —
 * which tasks to add as results arrive.
 *
 * <p>Budgets: every task has the campaign's wall-time budget; {@code budget_steps} or {@code
 * budget_tokens} add {@code max_steps} or {@code max_tokens} to each task's config (the worker's
 * trainer stops at whichever comes first). The campaign's budget kind is {@code steps}, {@code
 * tokens} or {@code time}.
 *
 * <p>Adaptive searches keep at most {@link #parallel()} tasks open (queued or leased): the
 * expansion queues that many, and each settled result adds tasks until that many are open again or
 * {@code num_tasks} tasks exist. {@code tpe}: each added task is a TPE suggestion from the valid
 * results so far. {@code asha}: {@code num_tasks} counts every task of every rung; rung {@code k}
 * of {@code K} has budget {@code R / η^(K−k)} (R: the steps, tokens or seconds per task, η = 3, K ≤
 * 3 with the lowest rung at least 50 steps, 20,000 tokens or 5 s); the campaign's first {@link
 * #ashaBaseTasks()} tasks start at rung 0 and the rest are promotions.
 */
public final class SearchPlan {
  public static final String MAX_STEPS = "max_steps";
  public static final String MAX_TOKENS = "max_tokens";

  /**
   * ASHA promotions with a step or token budget continue their parent: the lease whose checkpoint
   * holds the parent's final weights, and the steps the parent trained (the worker resumes after
   * them up to the new rung's budget instead of starting again from scratch).
   */
  public static final String RESUME_FROM_LEASE = "resume_from_lease";

  public static final String RESUME_STEP = "resume_step";

  /** Config keys that are budgets or bookkeeping, not hyperparameters. */
  public static final java.util.Set<String> NOT_PARAMETERS =
      java.util.Set.of(MAX_STEPS, MAX_TOKENS, RESUME_FROM_LEASE, RESUME_STEP);

  static final int MIN_RUNG_STEPS = 50;
  static final long MIN_RUNG_TOKENS = 20_000;
  static final int MIN_RUNG_SECONDS = 5;
  static final int MAX_RUNGS = 3;

  /** A task to add: its drawn configuration, its rung and the trial it continues (ASHA). */
  public record FollowUp(GeneratedConfig config, int rung, Integer parentIndex) {}

  /** A task of the campaign as the follow-up rules see it. */
  public record TaskState(
      int index,
      int rung,
      Integer parentIndex,
      Map<String, Object> config,
      Double value,
      boolean open) {}

  private final String search;
  private final CharLMSearchSpace space;
  private final long seed;
  private final int numTasks;
  private final int timeBudget;
  private final String budgetKind;
  private final long budgetPerTask;
  private final int parallel;
  private final int maxRung;
  private final CharLMConfigGenerator random;

  public SearchPlan(
      String search,
      CharLMSearchSpace space,
      long seed,
      int numTasks,
      int timeBudget,
      Long budgetSteps,
      Long budgetTokens,
      Integer parallelTasks) {
    this.search = search == null ? "random" : search;
    this.space = space;
    this.seed = seed;
    this.numTasks = numTasks;
    this.timeBudget = timeBudget;
    if (budgetSteps != null) {
      budgetKind = "steps";
      budgetPerTask = budgetSteps;
    } else if (budgetTokens != null) {
      budgetKind = "tokens";
      budgetPerTask = budgetTokens;
    } else {
      budgetKind = "time";
      budgetPerTask = timeBudget;
    }
    this.parallel =
        Math.max(
            1,
            Math.min(
                numTasks,
                parallelTasks != null
                    ? parallelTasks
                    : Math.max(4, (int) Math.ceil(numTasks / 4.0))));
    double minimum =
        switch (budgetKind) {
          case "steps" -> MIN_RUNG_STEPS;
          case "tokens" -> MIN_RUNG_TOKENS;
          default -> MIN_RUNG_SECONDS;
        };
    int rungs = 0;
    while (rungs < MAX_RUNGS
        && budgetPerTask / Math.pow(AshaPlanner.DEFAULT_ETA, rungs + 1) >= minimum) {
      rungs++;
    }
    this.maxRung = rungs;
    this.random = new CharLMConfigGenerator(space, seed);
  }

  public String search() {
    return search;
  }

  public boolean adaptive() {
    return search.equals("tpe") || search.equals("asha");
  }

  public String budgetKind() {
    return budgetKind;
  }

  public long budgetPerTask() {
    return budgetPerTask;
  }

  public int parallel() {
    return parallel;
  }

  public int maxRung() {
    return search.equals("asha") ? maxRung : 0;
  }

  public int numTasks() {
    return numTasks;
  }

  /** The tasks the expansion job queues. */
  public int initialTasks() {
    return switch (search) {
      case "tpe" -> parallel;
      case "asha" -> Math.min(ashaBaseTasks(), parallel);
      default -> numTasks;
    };
  }

  /** ASHA: the trials that start at rung 0; with them and their promotions ≈ num_tasks tasks. */
  public int ashaBaseTasks() {
    double perBase = 0;
    for (int k = 0; k <= maxRung; k++) {
      perBase += Math.pow(AshaPlanner.DEFAULT_ETA, -k);
    }
    return Math.min(numTasks, Math.max(1, (int) Math.ceil(numTasks / perBase)));
  }

  /** Whether promotions can resume their parent's checkpoint (step or token budgets). */
  public boolean resumesPromotions() {
    return search.equals("asha") && !budgetKind.equals("time");
  }

  /** The budget (steps, tokens or seconds) of an ASHA rung; the task budget for other searches. */
  public long rungBudget(int rung) {
    if (!search.equals("asha")) {
      return budgetPerTask;
    }
    return Math.max(
        1, Math.round(budgetPerTask / Math.pow(AshaPlanner.DEFAULT_ETA, maxRung - rung)));
  }

  /** A rung's wall-time budget: scaled for a time budget, the campaign's otherwise; null: same. */
  Integer rungTimeBudget(int rung) {
    if (!search.equals("asha") || !budgetKind.equals("time") || rung == maxRung) {
      return null;
    }
    return (int) Math.max(MIN_RUNG_SECONDS, rungBudget(rung));
  }

  /** The sampler of the expansion job: index → configuration with its budget. */
  public ConfigSampler expansionSampler() {
    ConfigSampler base =
        switch (search) {
          case "sobol" -> new SobolConfigGenerator(space, seed);
          case "grid" -> new GridConfigGenerator(space, seed);
          default -> random;
        };
    return index -> budgeted(base.generate(index), 0);
  }

  /** {@code drawn} with the budget of {@code rung} in its config (and time budget for ASHA). */
  GeneratedConfig budgeted(GeneratedConfig drawn, int rung) {
    Map<String, Object> config = new LinkedHashMap<>(drawn.config());
    config.remove(MAX_STEPS);
    config.remove(MAX_TOKENS);
    if (budgetKind.equals("steps")) {
      config.put(MAX_STEPS, rungBudget(rung));
    } else if (budgetKind.equals("tokens")) {
      config.put(MAX_TOKENS, rungBudget(rung));
    }
    return new GeneratedConfig(drawn.index(), drawn.seed(), config, rungTimeBudget(rung));
  }

  /**
   * The tasks to add now to a campaign whose tasks are {@code tasks} (indexes 0 … n−1): none for
   * non-adaptive searches.
   */
  public List<FollowUp> followUps(List<TaskState> tasks) {
    List<FollowUp> out = new ArrayList<>();
    if (!adaptive()) {
      return out;
    }
    int created = tasks.stream().mapToInt(t -> t.index() + 1).max().orElse(0);
    long open = tasks.stream().filter(TaskState::open).count();
    int slots = (int) Math.max(0, parallel - open);
    if (search.equals("tpe")) {
      List<TpeSampler.Observation> history = new ArrayList<>();
      for (TaskState t : tasks) {
        if (t.value() != null) {
          history.add(new TpeSampler.Observation(t.config(), t.value()));
        }
      }
      TpeSampler tpe = new TpeSampler(space, seed);
      while (slots > 0 && created < numTasks) {
        out.add(new FollowUp(budgeted(tpe.suggest(created, history), 0), 0, null));
        created++;
        slots--;
      }
      return out;
    }
    AshaPlanner planner = new AshaPlanner(AshaPlanner.DEFAULT_ETA, maxRung);
    List<AshaPlanner.Trial> trials = new ArrayList<>();
    int base = 0;
    for (TaskState t : tasks) {
      trials.add(
          new AshaPlanner.Trial(t.index(), t.rung(), t.parentIndex(), t.config(), t.value()));
      if (t.rung() == 0) {
        base++;
      }
    }
    for (AshaPlanner.Promotion p : planner.promotions(trials)) {
      if (slots == 0 || created >= numTasks) {
        return out;
      }
      Map<String, Object> config = new LinkedHashMap<>(p.config());
      config.remove(RESUME_FROM_LEASE);
      config.remove(RESUME_STEP);
      GeneratedConfig drawn = new GeneratedConfig(created, random.seedOf(created), config);
      out.add(new FollowUp(budgeted(drawn, p.toRung()), p.toRung(), p.parentIndex()));
      created++;
      slots--;
    }
    int baseTasks = ashaBaseTasks();
    while (slots > 0 && created < numTasks && base < baseTasks) {
      out.add(new FollowUp(budgeted(random.generate(created), 0), 0, null));
      created++;
      base++;
      slots--;
    }
    return out;
  }
}
