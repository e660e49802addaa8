package org.xeenet.report.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.xeenet.api.CampaignResults;
import org.xeenet.api.CampaignResults.EffectBin;
import org.xeenet.api.CampaignResults.ParameterEffect;
import org.xeenet.api.CampaignResults.ParameterImportance;
import org.xeenet.api.CampaignResults.RankedResult;
import org.xeenet.api.CampaignView;
import org.xeenet.api.TaskView;

/**
 * A campaign's report as Markdown, CSV (one row per task) or a JSON-ready map: the question, what
 * was run, the best configuration, the top 5, what mattered, the cost and the caveats.
 */
public final class CampaignReport {
  public static final List<String> FORMATS = List.of("md", "csv", "json");
  public static final int TOP = 5;

  private CampaignReport() {}

  /** Summary figures of what was run. */
  public record Compute(
      Map<String, Long> tasksByStatus,
      double wallTimeSeconds,
      long tokensProcessed,
      int validResults,
      int simulated,
      int invalid,
      int failed) {}

  public static Compute compute(CampaignFacts facts) {
    Map<String, Long> byStatus = new TreeMap<>();
    double wall = 0;
    long tokens = 0;
    int simulated = 0;
    int invalid = 0;
    int failed = 0;
    for (TaskView t : facts.tasks()) {
      byStatus.merge(t.status(), 1L, Long::sum);
      if (t.wallTimeSeconds() != null) {
        wall += t.wallTimeSeconds();
      }
      if (t.tokensProcessed() != null) {
        tokens += t.tokensProcessed();
      }
      if (t.simulated()) {
        simulated++;
      }
      if ("INVALID".equals(t.status())) {
        invalid++;
      }
      if ("FAILED".equals(t.status())) {
        failed++;
      }
    }
    if (facts.tasks().isEmpty() && facts.campaign().taskCounts() != null) {
      byStatus.putAll(facts.campaign().taskCounts());
    }
    return new Compute(byStatus, wall, tokens, facts.ranked().size(), simulated, invalid, failed);
  }

  /** Importances, most important first. */
  public static List<ParameterImportance> importance(CampaignResults results) {
    if (results == null || results.importance() == null) {
      return List.of();
    }
    return results.importance().stream()
        .sorted(Comparator.comparingDouble(ParameterImportance::importance).reversed())
        .toList();
  }

  /** The effect of a parameter, or null. */
  public static ParameterEffect effect(CampaignResults results, String parameter) {
    if (results == null || results.parameterEffects() == null) {
      return null;
    }
    return results.parameterEffects().stream()
        .filter(e -> e.parameter().equals(parameter))
        .findFirst()
        .orElse(null);
  }

  /** Configurations run more than once among the counted results, with their val_bpb spread. */
  public static Map<String, List<Double>> repeated(CampaignFacts facts) {
    Map<String, List<Double>> byConfig = new LinkedHashMap<>();
    for (TaskView t : facts.ranked()) {
      byConfig.computeIfAbsent(configText(t.config()), k -> new ArrayList<>()).add(t.valBpb());
    }
    byConfig.values().removeIf(v -> v.size() < 2);
    return byConfig;
  }

  public static String markdown(CampaignFacts facts) {
    CampaignView c = facts.campaign();
    CampaignResults r = facts.results();
    Compute compute = compute(facts);
    StringBuilder md = new StringBuilder();
    md.append("# Campaign report: ").append(text(c.title())).append("\n\n");
    md.append("## The question\n\n");
    md.append(
            c.description() == null || c.description().isBlank()
                ? "_(no description)_"
                : c.description())
        .append("\n\n");
    md.append("- Campaign: `")
        .append(c.campaignId())
        .append("` (")
        .append(c.status())
        .append(")\n");
    md.append("- Dataset: ")
        .append(text(c.dataset()))
        .append(", template ")
        .append(text(c.template()))
        .append("\n\n");

    md.append("## What was run\n\n");
    md.append("- Search method: ").append(text(c.search())).append("\n");
    md.append("- Tasks: ")
        .append(c.numTasks())
        .append(" planned; by status: ")
        .append(statusLine(compute.tasksByStatus()))
        .append("\n");
    md.append("- Budget per task: ").append(budget(c)).append("\n");
    if (c.budgetCredits() != null) {
      md.append("- Credit budget: ").append(num(c.budgetCredits())).append(" credits\n");
    }
    md.append("- Compute used: ")
        .append(num(compute.wallTimeSeconds()))
        .append(" s of wall time, ")
        .append(compute.tokensProcessed())
        .append(" tokens processed\n\n");

    md.append("## Best configuration\n\n");
    if (r == null || r.best() == null) {
      md.append("No valid result yet.\n\n");
    } else {
      RankedResult b = r.best();
      md.append("val_bpb **")
          .append(num(b.valBpb()))
          .append("** (task ")
          .append(b.index())
          .append(", seed ")
          .append(b.seed())
          .append(")\n\n");
      md.append("| parameter | value |\n|---|---|\n");
      new TreeMap<>(b.config())
          .forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
      md.append("\n");
      md.append("## Top ").append(TOP).append("\n\n");
      md.append("| rank | task | val_bpb | seed | config |\n|---|---|---|---|---|\n");
      for (RankedResult t : r.topK().stream().limit(TOP).toList()) {
        md.append("| ")
            .append(t.rank())
            .append(" | ")
            .append(t.index())
            .append(" | ")
            .append(num(t.valBpb()))
            .append(" | ")
            .append(t.seed())
            .append(" | `")
            .append(configText(t.config()))
            .append("` |\n");
      }
      md.append("\n");
    }

    md.append("## What mattered\n\n");
    List<ParameterImportance> importance = importance(r);
    if (importance.isEmpty()) {
      md.append("Not enough valid results to say.\n\n");
    } else {
      md.append("Parameter importance (")
          .append(text(r.importanceMethod()))
          .append(facts.stored() ? "" : "; computed from the task table, no stored aggregation")
          .append(
              "):\n\n| parameter | importance | share | mean val_bpb by value |\n|---|---|---|---|\n");
      for (ParameterImportance p : importance) {
        md.append("| ")
            .append(p.parameter())
            .append(" | ")
            .append(num(p.importance()))
            .append(" | ")
            .append(percent(p.share()))
            .append(" | ")
            .append(effectLine(effect(r, p.parameter())))
            .append(" |\n");
      }
      md.append("\n");
    }

    md.append("## Cost\n\n");
    md.append("- Cost so far: ").append(num(c.costCredits())).append(" credits\n");
    if (c.estimateCredits() != null) {
      md.append("- Launch estimate: ").append(num(c.estimateCredits())).append(" credits\n");
    }
    if (c.escrowCredits() != null) {
      md.append("- Left in escrow: ").append(num(c.escrowCredits())).append(" credits\n");
    }
    md.append("\n## Caveats\n\n");
    for (String caveat : caveats(facts, compute)) {
      md.append("- ").append(caveat).append("\n");
    }
    return md.toString();
  }

  public static List<String> caveats(CampaignFacts facts, Compute compute) {
    List<String> caveats = new ArrayList<>();
    caveats.add(
        "Only valid, non-simulated results are ranked: "
            + compute.validResults()
            + " counted; "
            + compute.simulated()
            + " simulated, "
            + compute.invalid()
            + " invalid and "
            + compute.failed()
            + " failed tasks are excluded.");
    Map<String, List<Double>> repeated = repeated(facts);
    if (repeated.isEmpty()) {
      caveats.add(
          "Each configuration ran with one seed: the spread across seeds is unknown, so small"
              + " differences in val_bpb may be noise.");
    } else {
      double spread =
          repeated.values().stream()
              .mapToDouble(
                  v ->
                      v.stream().mapToDouble(Double::doubleValue).max().orElse(0)
                          - v.stream().mapToDouble(Double::doubleValue).min().orElse(0))
              .max()
              .orElse(0);
      caveats.add(
          repeated.size()
              + " configuration(s) ran more than once; the largest val_bpb spread between their"
              + " runs is "
              + num(spread)
              + ": differences smaller than that may be noise.");
    }
    List<String> once = singletons(facts.results());
    if (!once.isEmpty()) {
      caveats.add(
          "Every value of "
              + String.join(", ", once)
              + " ran once: their importance only restates the noise of single runs.");
    }
    if (!"COMPLETED".equals(facts.campaign().status())) {
      caveats.add("The campaign is " + facts.campaign().status() + ": figures may still change.");
    }
    return caveats;
  }

  /** Parameters with several values (or bins) that each hold a single result. */
  public static List<String> singletons(CampaignResults results) {
    if (results == null || results.parameterEffects() == null) {
      return List.of();
    }
    return results.parameterEffects().stream()
        .filter(e -> e.bins() != null && e.bins().size() > 1)
        .filter(e -> e.bins().stream().allMatch(b -> b.count() <= 1))
        .map(ParameterEffect::parameter)
        .toList();
  }

  /** One row per task. */
  public static String csv(CampaignFacts facts) {
    TreeSet<String> params = new TreeSet<>();
    for (TaskView t : facts.tasks()) {
      if (t.config() != null) {
        params.addAll(t.config().keySet());
      }
    }
    StringBuilder csv = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("index", "task_id", "status", "seed"));
    header.addAll(params);
    header.addAll(
        List.of(
            "val_bpb",
            "train_loss",
            "steps_completed",
            "wall_time_seconds",
            "tokens_processed",
            "worker_id",
            "device_used",
            "simulated"));
    csv.append(header.stream().map(CampaignReport::cell).collect(Collectors.joining(",")))
        .append("\r\n");
    for (TaskView t :
        facts.tasks().stream().sorted(Comparator.comparingInt(TaskView::index)).toList()) {
      List<Object> row = new ArrayList<>(List.of(t.index(), t.taskId(), t.status(), t.seed()));
      for (String p : params) {
        row.add(t.config() == null ? null : t.config().get(p));
      }
      row.add(t.valBpb());
      row.add(t.trainLoss());
      row.add(t.stepsCompleted());
      row.add(t.wallTimeSeconds());
      row.add(t.tokensProcessed());
      row.add(t.workerId());
      row.add(t.deviceUsed());
      row.add(t.simulated());
      csv.append(row.stream().map(CampaignReport::cell).collect(Collectors.joining(",")))
          .append("\r\n");
    }
    return csv.toString();
  }

  /** The report as nested maps and lists, ready for JSON-B. */
  public static Map<String, Object> json(CampaignFacts facts) {
    CampaignView c = facts.campaign();
    CampaignResults r = facts.results();
    Compute compute = compute(facts);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("campaign_id", c.campaignId());
    json.put("title", c.title());
    json.put("description", c.description());
    json.put("status", c.status());
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("search", c.search());
    run.put("dataset", c.dataset());
    run.put("num_tasks", c.numTasks());
    run.put("tasks_by_status", compute.tasksByStatus());
    run.put("time_budget_per_task", c.timeBudgetPerTask());
    run.put("budget_kind", c.budgetKind());
    run.put("budget_per_task", c.budgetPerTask());
    run.put("budget_credits", c.budgetCredits());
    run.put("wall_time_seconds", compute.wallTimeSeconds());
    run.put("tokens_processed", compute.tokensProcessed());
    json.put("run", run);
    json.put("best", r == null ? null : r.best() == null ? null : ranked(r.best()));
    json.put(
        "top",
        r == null || r.topK() == null
            ? List.of()
            : r.topK().stream().limit(TOP).map(CampaignReport::ranked).toList());
    json.put("results_count", r == null ? 0 : r.resultsCount());
    json.put("aggregation_stored", facts.stored());
    json.put("importance_method", r == null ? null : r.importanceMethod());
    json.put("importance", importance(r));
    json.put(
        "parameter_effects",
        r == null || r.parameterEffects() == null ? List.of() : r.parameterEffects());
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("cost_credits", c.costCredits());
    cost.put("estimate_credits", c.estimateCredits());
    cost.put("escrow_credits", c.escrowCredits());
    json.put("cost", cost);
    json.put("caveats", caveats(facts, compute));
    return json;
  }

  private static Map<String, Object> ranked(RankedResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rank", r.rank());
    m.put("task_id", r.taskId());
    m.put("index", r.index());
    m.put("seed", r.seed());
    m.put("val_bpb", r.valBpb());
    m.put("config", r.config());
    m.put("steps_completed", r.stepsCompleted());
    m.put("wall_time_seconds", r.wallTimeSeconds());
    return m;
  }

  static String effectLine(ParameterEffect effect) {
    if (effect == null || effect.bins() == null) {
      return "";
    }
    return effect.bins().stream()
        .map(b -> b.label() + ": " + num(b.meanValBpb()) + " (n=" + b.count() + ")")
        .collect(Collectors.joining("; "));
  }

  /** The bin of an effect that holds a value, or null. */
  public static EffectBin binOf(ParameterEffect effect, Object value) {
    if (effect == null || effect.bins() == null || value == null) {
      return null;
    }
    for (EffectBin b : effect.bins()) {
      if (b.label() != null && b.label().equals(String.valueOf(value))) {
        return b;
      }
    }
    if (value instanceof Number n) {
      double v = n.doubleValue();
      for (EffectBin b : effect.bins()) {
        if (b.low() != null && b.high() != null && v >= b.low() - 1e-12 && v <= b.high() + 1e-12) {
          return b;
        }
        if (b.low() != null && b.high() != null && Math.abs(b.low() - v) < 1e-9) {
          return b;
        }
      }
    }
    return null;
  }

  public static String configText(Map<String, Object> config) {
    if (config == null) {
      return "";
    }
    return new TreeMap<>(config)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(" "));
  }

  public static String statusLine(Map<String, Long> byStatus) {
    if (byStatus.isEmpty()) {
      return "none yet";
    }
    return byStatus.entrySet().stream()
        .map(e -> e.getKey().toLowerCase(Locale.ROOT) + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  static String budget(CampaignView c) {
    String time = c.timeBudgetPerTask() + " s wall time";
    if (c.budgetKind() == null || "time".equals(c.budgetKind()) || c.budgetPerTask() == null) {
      return time;
    }
    return c.budgetPerTask() + " " + c.budgetKind() + " (and at most " + time + ")";
  }

  public static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf((long) v);
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String s = String.valueOf(value);
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
