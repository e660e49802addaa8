package org.xeenet.assistant.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xeenet.api.AssistantAnswer;
import org.xeenet.api.AssistantAnswer.Detail;
import org.xeenet.api.CampaignResults;
import org.xeenet.api.CampaignResults.EffectBin;
import org.xeenet.api.CampaignResults.ParameterEffect;
import org.xeenet.api.CampaignResults.ParameterImportance;
import org.xeenet.api.CampaignResults.RankedResult;
import org.xeenet.api.CampaignView;
import org.xeenet.api.TaskView;
import org.xeenet.report.control.CampaignFacts;
import org.xeenet.report.control.CampaignReport;

/**
 * The built-in research assistant: recognises a question's intent from its keywords and answers
 * from the campaign's own data, deterministically. Short answer first, details to drill down.
 */
public final class ResearchAssistant {
  public static final String BEST = "best";
  public static final String IMPORTANCE = "importance";
  public static final String TASK = "task";
  public static final String NEXT = "next";
  public static final String PROGRESS = "progress";
  public static final String BRIEF = "brief";
  public static final String HELP = "help";

  private static final Pattern TASK_NUMBER = Pattern.compile("task\\s*#?\\s*(\\d+)");
  private static final Pattern MINUTES = Pattern.compile("(\\d+)\\s*-?\\s*(?:min|minute)");
  private static final Pattern SECONDS = Pattern.compile("(\\d+)\\s*-?\\s*(?:s|sec|second)s?\\b");
  private static final java.util.Set<String> NOT_PARAMETERS =
      org.xeenet.search.control.SearchPlan.NOT_PARAMETERS;

  /** Parameters a brief can vary, by the words researchers use for them. */
  private static final Map<String, List<String>> WORDS = new LinkedHashMap<>();

  static {
    WORDS.put("n_layer", List.of("depth", "layer", "deep"));
    WORDS.put("n_embd", List.of("width", "embed", "wide", "hidden"));
    WORDS.put("n_head", List.of("head"));
    WORDS.put("learning_rate", List.of("learning rate", "learning_rate", " lr"));
    WORDS.put("batch_size", List.of("batch"));
    WORDS.put("block_size", List.of("context", "block", "sequence length"));
    WORDS.put("dropout", List.of("dropout"));
    WORDS.put("weight_decay", List.of("weight decay", "weight_decay"));
  }

  /** Candidate values when a brief varies a parameter; the rest are fixed at {@link #FIXED}. */
  private static final Map<String, Object> VARIED =
      Map.of(
          "n_layer", List.of(1, 2, 3, 4),
          "n_embd", List.of(32, 64, 96, 128),
          "n_head", List.of(1, 2, 4),
          "learning_rate", List.of(3e-4, 1e-3, 3e-3),
          "batch_size", List.of(8, 16, 32),
          "block_size", List.of(32, 64, 128),
          "dropout", List.of(0.0, 0.1, 0.2),
          "weight_decay", List.of(0.0, 0.05, 0.1));

  private static final Map<String, Object> FIXED = new LinkedHashMap<>();

  static {
    FIXED.put("n_layer", 2);
    FIXED.put("n_head", 2);
    FIXED.put("n_embd", 64);
    FIXED.put("block_size", 64);
    FIXED.put("batch_size", 16);
    FIXED.put("learning_rate", 1e-3);
    FIXED.put("dropout", 0.0);
    FIXED.put("weight_decay", 0.01);
    FIXED.put("warmup_steps", 20);
  }

  private ResearchAssistant() {}

  /** The intent of a question; {@code withCampaign} says whether it is about a campaign. */
  public static String intent(String question, boolean withCampaign) {
    String q = " " + (question == null ? "" : question.toLowerCase(Locale.ROOT)) + " ";
    boolean briefWords =
        has(q, "want to know", "whether", "brief", "design", "experiment", "set up", "plan a");
    if (!withCampaign) {
      return briefWords || !mentioned(q).isEmpty() ? BRIEF : HELP;
    }
    if (TASK_NUMBER.matcher(q).find()) {
      return TASK;
    }
    if (has(q, "next", "should i try", "what to try", "suggest", "recommend", "narrow")) {
      return NEXT;
    }
    if (has(q, "want to know", "new brief", "design a", "set up")) {
      return BRIEF;
    }
    if (has(q, "matter", "importan", "depth or width", "width or depth", "effect", "influence")) {
      return IMPORTANCE;
    }
    if (has(q, "best", "which config", "winner", "top ", "lowest")) {
      return BEST;
    }
    if (has(q, "how far", "status", "progress", "done", "remaining", "finished", "left")) {
      return PROGRESS;
    }
    return HELP;
  }

  /** Answers a question about a campaign ({@code facts}) or, with null facts, about none. */
  public static AssistantAnswer answer(String question, CampaignFacts facts) {
    String intent = intent(question, facts != null);
    String id = facts == null ? null : facts.campaign().campaignId();
    return switch (intent) {
      case BRIEF -> brief(question, id);
      case TASK -> task(question, facts);
      case NEXT -> next(facts);
      case IMPORTANCE -> importance(question, facts);
      case BEST -> best(facts);
      case PROGRESS -> progress(facts);
      default -> help(id);
    };
  }

  static AssistantAnswer help(String campaignId) {
    List<Detail> details = new ArrayList<>();
    String[][] examples = {
      {"best", "\"What is the best configuration?\" — the best val_bpb, its config and seed."},
      {"importance", "\"What matters?\" or \"Does depth or width matter more?\" — importances."},
      {"task", "\"Why is task 17 so bad?\" — a task compared with the best."},
      {"next", "\"What should I try next?\" — a narrower search_space around the best."},
      {"progress", "\"How far is it?\" — tasks by status, best so far, cost."},
      {
        "brief",
        "\"I want to know whether depth or width matters more on 2-minute budgets\" — a"
            + " proposed brief (no campaign needed)."
      }
    };
    for (String[] e : examples) {
      details.add(new Detail(e[0], e[1], null));
    }
    String answer =
        campaignId == null
            ? "I can propose a brief for a research question; pick a campaign to ask about its"
                + " results."
            : "I can tell you the best configuration, what mattered, why a task did badly, what"
                + " to try next and how far the campaign is.";
    return new AssistantAnswer(HELP, campaignId, answer, details);
  }

  static AssistantAnswer best(CampaignFacts facts) {
    CampaignResults r = facts.results();
    String id = facts.campaign().campaignId();
    if (!facts.hasResults()) {
      return new AssistantAnswer(
          BEST, id, "No valid result yet: " + progressLine(facts) + ".", List.of());
    }
    RankedResult b = r.best();
    List<Detail> details = new ArrayList<>();
    details.add(
        new Detail(
            "best configuration",
            "task " + b.index() + ", seed " + b.seed() + ", val_bpb " + num(b.valBpb()),
            config(b.config())));
    for (RankedResult t : r.topK().stream().limit(CampaignReport.TOP).toList()) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("task_index", t.index());
      data.put("val_bpb", t.valBpb());
      data.put("seed", t.seed());
      data.put("config", config(t.config()));
      details.add(
          new Detail(
              "rank " + t.rank(),
              "task "
                  + t.index()
                  + ": "
                  + num(t.valBpb())
                  + " — "
                  + CampaignReport.configText(t.config()),
              data));
    }
    String runnerUp =
        r.topK().size() > 1
            ? " The runner-up (task "
                + r.topK().get(1).index()
                + ") is "
                + num(r.topK().get(1).valBpb() - b.valBpb())
                + " behind."
            : "";
    return new AssistantAnswer(
        BEST,
        id,
        "The best configuration is task "
            + b.index()
            + " with val_bpb "
            + num(b.valBpb())
            + " (seed "
            + b.seed()
            + "): "
            + summary(b.config())
            + "."
            + runnerUp,
        details);
  }

  static AssistantAnswer importance(String question, CampaignFacts facts) {
    String id = facts.campaign().campaignId();
    List<ParameterImportance> ranked = CampaignReport.importance(facts.results());
    if (ranked.isEmpty()) {
      return new AssistantAnswer(
          IMPORTANCE,
          id,
          "Not enough valid results yet to say what matters ("
              + facts.ranked().size()
              + " so far).",
          List.of());
    }
    List<Detail> details = new ArrayList<>();
    for (ParameterImportance p : ranked) {
      ParameterEffect effect = CampaignReport.effect(facts.results(), p.parameter());
      EffectBin bestBin =
          effect == null || effect.bins() == null
              ? null
              : effect.bins().stream()
                  .min(Comparator.comparingDouble(EffectBin::meanValBpb))
                  .orElse(null);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("parameter", p.parameter());
      data.put("importance", p.importance());
      data.put("share", p.share());
      if (bestBin != null) {
        data.put("best_value", bestBin.label());
        data.put("best_mean_val_bpb", bestBin.meanValBpb());
      }
      details.add(
          new Detail(
              p.parameter(),
              String.format(Locale.ROOT, "%.0f%% of the explained variance", p.share() * 100)
                  + (bestBin == null
                      ? ""
                      : "; lowest mean val_bpb at "
                          + bestBin.label()
                          + " ("
                          + num(bestBin.meanValBpb())
                          + ")"),
              data));
    }
    // parameters whose every value ran once only restate noise: not for the short answer
    List<String> once = CampaignReport.singletons(facts.results());
    List<ParameterImportance> reliable =
        ranked.stream().filter(p -> !once.contains(p.parameter())).toList();
    if (!reliable.isEmpty()) {
      ranked = reliable;
    }
    String q = question == null ? "" : question.toLowerCase(Locale.ROOT);
    List<String> asked = mentioned(" " + q + " ");
    String answer;
    if (asked.size() >= 2) {
      List<ParameterImportance> pair =
          ranked.stream().filter(p -> asked.contains(p.parameter())).toList();
      if (pair.size() >= 2) {
        answer =
            pair.get(0).parameter()
                + " matters more than "
                + pair.get(1).parameter()
                + " here: "
                + share(pair.get(0))
                + " vs "
                + share(pair.get(1))
                + " of the explained variance.";
      } else {
        answer = topLine(ranked);
      }
    } else {
      answer = topLine(ranked);
    }
    if (facts.results().resultsCount() < 10) {
      answer += " Only " + facts.results().resultsCount() + " results: treat this as a hint.";
    }
    return new AssistantAnswer(IMPORTANCE, id, answer, details);
  }

  static AssistantAnswer task(String question, CampaignFacts facts) {
    String id = facts.campaign().campaignId();
    Matcher m = TASK_NUMBER.matcher(question.toLowerCase(Locale.ROOT));
    m.find();
    int index = Integer.parseInt(m.group(1));
    TaskView t = facts.task(index);
    if (t == null) {
      return new AssistantAnswer(
          TASK,
          id,
          "There is no task " + index + " in this campaign (it has " + facts.tasks().size() + ").",
          List.of());
    }
    List<Detail> details = new ArrayList<>();
    details.add(new Detail("task " + index, taskLine(t), config(t.config())));
    if (!CampaignFacts.counts(t)) {
      String why =
          t.simulated()
              ? "its result was simulated, so it is never ranked"
              : switch (t.status()) {
                case "FAILED" ->
                    "it failed" + (t.failureReasons() == null ? "" : ": " + t.failureReasons());
                case "INVALID" ->
                    "its result was judged invalid"
                        + (t.failureReasons() == null ? "" : ": " + t.failureReasons());
                case "CANCELLED" -> "it was cancelled before it ran";
                default -> "it has no result yet (" + t.status().toLowerCase(Locale.ROOT) + ")";
              };
      return new AssistantAnswer(
          TASK, id, "Task " + index + " has no ranked result: " + why + ".", details);
    }
    RankedResult best = facts.hasResults() ? facts.results().best() : null;
    if (best == null || best.index() == index) {
      return new AssistantAnswer(
          TASK,
          id,
          "Task "
              + index
              + " reached val_bpb "
              + num(t.valBpb())
              + (best == null ? "." : ", the best of the campaign."),
          details);
    }
    long rank = facts.ranked().stream().filter(o -> o.valBpb() < t.valBpb()).count() + 1;
    // the parameters where it differs from the best, by how much worse their value does on average
    List<Object[]> diffs = new ArrayList<>();
    for (Map.Entry<String, Object> e : new TreeMap<>(t.config()).entrySet()) {
      String p = e.getKey();
      Object theirs = e.getValue();
      Object bests = best.config().get(p);
      if (NOT_PARAMETERS.contains(p) || bests == null || same(theirs, bests)) {
        continue;
      }
      ParameterEffect effect = CampaignReport.effect(facts.results(), p);
      EffectBin a = CampaignReport.binOf(effect, theirs);
      EffectBin b = CampaignReport.binOf(effect, bests);
      double gap = a != null && b != null ? a.meanValBpb() - b.meanValBpb() : 0;
      diffs.add(new Object[] {p, theirs, bests, gap, a, b});
    }
    diffs.sort(Comparator.comparingDouble(o -> -(double) o[3]));
    for (Object[] d : diffs) {
      EffectBin a = (EffectBin) d[4];
      EffectBin b = (EffectBin) d[5];
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("parameter", d[0]);
      data.put("task_value", d[1]);
      data.put("best_value", d[2]);
      if (a != null && b != null) {
        data.put("mean_val_bpb_task_value", a.meanValBpb());
        data.put("mean_val_bpb_best_value", b.meanValBpb());
      }
      details.add(
          new Detail(
              String.valueOf(d[0]),
              d[0]
                  + " = "
                  + d[1]
                  + " vs "
                  + d[2]
                  + " in the best"
                  + (a == null || b == null
                      ? ""
                      : "; on average " + num(a.meanValBpb()) + " vs " + num(b.meanValBpb())),
              data));
    }
    String steps = "";
    if (t.stepsCompleted() != null
        && best.stepsCompleted() != null
        && best.stepsCompleted() > 0
        && t.stepsCompleted() < 0.6 * best.stepsCompleted()) {
      steps =
          " It also completed only "
              + t.stepsCompleted()
              + " steps vs "
              + best.stepsCompleted()
              + ".";
    }
    String because;
    if (diffs.isEmpty()) {
      because = " Its configuration equals the best's: the difference is run-to-run noise (seed).";
    } else {
      Object[] top = diffs.get(0);
      because =
          " The biggest suspect is "
              + top[0]
              + " ("
              + top[1]
              + " vs "
              + top[2]
              + " in the best"
              + ((double) top[3] > 0 ? ", worse on average by " + num((double) top[3]) : "")
              + ").";
    }
    return new AssistantAnswer(
        TASK,
        id,
        "Task "
            + index
            + " reached val_bpb "
            + num(t.valBpb())
            + ", "
            + num(t.valBpb() - best.valBpb())
            + " worse than the best (task "
            + best.index()
            + ", rank "
            + rank
            + " of "
            + facts.ranked().size()
            + ")."
            + because
            + steps,
        details);
  }

  static AssistantAnswer next(CampaignFacts facts) {
    String id = facts.campaign().campaignId();
    if (!facts.hasResults()) {
      return new AssistantAnswer(
          NEXT, id, "Wait for results first: " + progressLine(facts) + ".", List.of());
    }
    RankedResult best = facts.results().best();
    Map<String, Double> share = new LinkedHashMap<>();
    // a parameter whose every value ran once has no reliable importance: fix it at the best's
    List<String> once = CampaignReport.singletons(facts.results());
    for (ParameterImportance p : CampaignReport.importance(facts.results())) {
      share.put(p.parameter(), once.contains(p.parameter()) ? 0.0 : p.share());
    }
    Map<String, Object> space = new TreeMap<>();
    List<String> varied = new ArrayList<>();
    int heads = best.config().get("n_head") instanceof Number n ? n.intValue() : 1;
    for (Map.Entry<String, Object> e : new TreeMap<>(best.config()).entrySet()) {
      String p = e.getKey();
      if (NOT_PARAMETERS.contains(p) || !(e.getValue() instanceof Number v)) {
        continue;
      }
      boolean matters = share.isEmpty() || share.getOrDefault(p, 0.0) >= 0.1;
      if (!matters) {
        space.put(p, e.getValue());
        continue;
      }
      varied.add(p);
      space.put(p, around(p, v, heads));
    }
    Map<String, Object> brief = new LinkedHashMap<>();
    brief.put("title", "Follow-up: " + facts.campaign().title());
    brief.put("description", "Narrowed around the best configuration (task " + best.index() + ").");
    brief.put("num_tasks", 20);
    brief.put("time_budget_per_task", facts.campaign().timeBudgetPerTask());
    brief.put("search", "tpe");
    brief.put("dataset", facts.campaign().dataset());
    brief.put("search_space", space);
    List<Detail> details = new ArrayList<>();
    details.add(
        new Detail(
            "search_space",
            "Varies " + String.join(", ", varied) + "; fixes the rest at the best's values.",
            Map.of("search_space", space)));
    details.add(
        new Detail("brief", "A follow-up brief with this search space (tpe, 20 tasks).", brief));
    Map<String, Object> repeat = new LinkedHashMap<>();
    repeat.put("config", config(best.config()));
    repeat.put("seeds", 3);
    details.add(
        new Detail(
            "repeat the best",
            "Run the best configuration with 3 more seeds to learn how much val_bpb moves by chance.",
            repeat));
    return new AssistantAnswer(
        NEXT,
        id,
        "Narrow the search around the best (task "
            + best.index()
            + ", val_bpb "
            + num(best.valBpb())
            + "): vary "
            + (varied.isEmpty() ? "nothing" : String.join(", ", varied))
            + " near its values and fix the rest; also repeat the best with more seeds.",
        details);
  }

  /** Values near the best's for one parameter: a choice list for integers, a range for reals. */
  static Object around(String parameter, Number value, int heads) {
    if (value instanceof Integer
        || value instanceof Long
        || value.doubleValue() == Math.rint(value.doubleValue())
            && !parameter.equals("learning_rate")
            && !parameter.equals("dropout")
            && !parameter.equals("weight_decay")) {
      int v = value.intValue();
      List<Integer> choices = new ArrayList<>();
      if (v <= 8) {
        for (int c = Math.max(1, v - 1); c <= v + 1; c++) {
          choices.add(c);
        }
      } else {
        int m = parameter.equals("n_embd") ? Math.max(8, heads) : 8;
        for (double f : new double[] {0.75, 1.0, 1.5}) {
          int c = (int) Math.max(m, Math.round(v * f / m) * m);
          if (!choices.contains(c)) {
            choices.add(c);
          }
        }
      }
      return choices;
    }
    double v = value.doubleValue();
    if (v <= 0) {
      return v;
    }
    Map<String, Object> range = new LinkedHashMap<>();
    if (parameter.equals("dropout")) {
      range.put("low", Math.max(0.0, round(v - 0.05)));
      range.put("high", round(Math.min(0.9, v + 0.05)));
      return range;
    }
    range.put("low", round(v / 2));
    range.put("high", round(Math.min(parameter.equals("learning_rate") ? 1.0 : 1.0, v * 2)));
    range.put("log", true);
    return range;
  }

  static AssistantAnswer progress(CampaignFacts facts) {
    CampaignView c = facts.campaign();
    List<Detail> details = new ArrayList<>();
    Map<String, Object> counts = new LinkedHashMap<>(CampaignReport.compute(facts).tasksByStatus());
    details.add(
        new Detail(
            "tasks by status",
            CampaignReport.statusLine(CampaignReport.compute(facts).tasksByStatus()),
            counts));
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("cost_credits", c.costCredits());
    cost.put("estimate_credits", c.estimateCredits());
    cost.put("budget_credits", c.budgetCredits());
    details.add(new Detail("cost", num(c.costCredits()) + " credits so far", cost));
    if (facts.hasResults()) {
      details.add(
          new Detail(
              "best so far",
              "val_bpb "
                  + num(facts.results().best().valBpb())
                  + " (task "
                  + facts.results().best().index()
                  + ")",
              config(facts.results().best().config())));
    }
    return new AssistantAnswer(
        PROGRESS,
        c.campaignId(),
        "The campaign is "
            + c.status().toLowerCase(Locale.ROOT)
            + ": "
            + progressLine(facts)
            + (facts.hasResults()
                ? "; best val_bpb so far " + num(facts.results().best().valBpb())
                : "")
            + ".",
        details);
  }

  /** A proposed brief for a research question (no campaign needed). */
  static AssistantAnswer brief(String question, String campaignId) {
    String q = " " + (question == null ? "" : question.toLowerCase(Locale.ROOT)) + " ";
    List<String> vary = mentioned(q);
    if (vary.isEmpty()) {
      vary = List.of("n_layer", "n_embd");
    }
    int seconds = 120;
    Matcher minutes = MINUTES.matcher(q);
    Matcher secs = SECONDS.matcher(q);
    if (minutes.find()) {
      seconds = Integer.parseInt(minutes.group(1)) * 60;
    } else if (secs.find()) {
      seconds = Integer.parseInt(secs.group(1));
    }
    seconds = Math.max(10, Math.min(seconds, 3600));
    Map<String, Object> space = new LinkedHashMap<>(FIXED);
    int points = 1;
    for (String p : vary) {
      Object values = VARIED.get(p);
      space.put(p, values);
      points *= ((List<?>) values).size();
    }
    Map<String, Object> brief = new LinkedHashMap<>();
    brief.put("title", String.join(" vs ", vary) + " at " + seconds + " s per task");
    brief.put("description", question == null ? "" : question.strip());
    brief.put("num_tasks", points);
    brief.put("time_budget_per_task", seconds);
    brief.put("search", "grid");
    brief.put("dataset", "tinyshakespeare");
    brief.put("search_space", space);
    List<Detail> details = new ArrayList<>();
    details.add(
        new Detail(
            "brief",
            "POST this to /api/v1/briefs or paste its search_space into the portal's brief form.",
            brief));
    details.add(
        new Detail(
            "search_space",
            "Varies " + String.join(", ", vary) + "; fixes the rest.",
            Map.of("search_space", space)));
    details.add(
        new Detail(
            "budgets",
            points
                + " tasks × "
                + seconds
                + " s ≈ "
                + (points * seconds / 60)
                + " minutes of compute"
                + "; every point runs once: add replication (e.g. 2) to see the spread across seeds.",
            Map.of("num_tasks", points, "time_budget_per_task", seconds)));
    return new AssistantAnswer(
        BRIEF,
        campaignId,
        "Run a grid over "
            + String.join(" and ", vary)
            + " with everything else fixed: "
            + points
            + " tasks of "
            + seconds
            + " s each; the importance of each then answers your question.",
        details);
  }

  private static List<String> mentioned(String q) {
    List<String> found = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : WORDS.entrySet()) {
      if (q.contains(e.getKey()) || e.getValue().stream().anyMatch(q::contains)) {
        found.add(e.getKey());
      }
    }
    return found;
  }

  private static String topLine(List<ParameterImportance> ranked) {
    ParameterImportance top = ranked.get(0);
    String second =
        ranked.size() > 1
            ? ", then " + ranked.get(1).parameter() + " (" + share(ranked.get(1)) + ")"
            : "";
    return top.parameter()
        + " mattered most ("
        + share(top)
        + " of the explained variance)"
        + second
        + ".";
  }

  private static String share(ParameterImportance p) {
    return String.format(Locale.ROOT, "%.0f%%", p.share() * 100);
  }

  private static String progressLine(CampaignFacts facts) {
    CampaignView c = facts.campaign();
    Map<String, Long> counts = CampaignReport.compute(facts).tasksByStatus();
    long finished =
        counts.entrySet().stream()
            .filter(e -> List.of("VALID", "INVALID", "FAILED", "CANCELLED").contains(e.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    long running = counts.getOrDefault("LEASED", 0L) + counts.getOrDefault("SUBMITTED", 0L);
    int total = Math.max(c.numTasks(), facts.tasks().size());
    return finished
        + " of "
        + total
        + " tasks finished ("
        + counts.getOrDefault("VALID", 0L)
        + " valid), "
        + running
        + " running, "
        + counts.getOrDefault("QUEUED", 0L)
        + " queued";
  }

  private static String taskLine(TaskView t) {
    return "status "
        + t.status().toLowerCase(Locale.ROOT)
        + (t.valBpb() == null ? "" : ", val_bpb " + num(t.valBpb()))
        + (t.stepsCompleted() == null ? "" : ", " + t.stepsCompleted() + " steps")
        + ", seed "
        + t.seed();
  }

  private static String summary(Map<String, Object> config) {
    List<String> keys = List.of("n_layer", "n_embd", "n_head", "learning_rate");
    List<String> parts = new ArrayList<>();
    for (String k : keys) {
      if (config.containsKey(k)) {
        parts.add(k + "=" + config.get(k));
      }
    }
    return parts.isEmpty() ? CampaignReport.configText(config) : String.join(", ", parts);
  }

  private static Map<String, Object> config(Map<String, Object> config) {
    return config == null ? Map.of() : new TreeMap<>(config);
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Math.abs(x.doubleValue() - y.doubleValue()) < 1e-12;
    }
    return String.valueOf(a).equals(String.valueOf(b));
  }

  private static boolean has(String q, String... words) {
    for (String w : words) {
      if (q.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static double round(double v) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
  }

  private static String num(double v) {
    return CampaignReport.num(v);
  }
}
