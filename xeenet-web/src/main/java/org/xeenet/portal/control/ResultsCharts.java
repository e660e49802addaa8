package org.xeenet.portal.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.xeenet.api.CampaignResults;
import org.xeenet.api.CampaignResults.ParameterImportance;
import org.xeenet.api.TaskView;
import org.xeenet.report.control.CampaignFacts;
import org.xeenet.report.control.CampaignReport;

/**
 * Chart.js configurations (JSON, for PrimeFaces' {@code p:chart}) of a campaign's results:
 * parameter importance bars, val_bpb against each parameter, and the best val_bpb so far as results
 * arrived.
 */
public final class ResultsCharts {
  private static final String BLUE = "rgba(37, 99, 235, 0.75)";
  private static final String GREEN = "rgba(22, 163, 74, 0.9)";

  private ResultsCharts() {}

  /** Horizontal bars: each parameter's share of the explained variance, in percent. */
  public static String importance(CampaignResults results) {
    List<ParameterImportance> ranked = CampaignReport.importance(results);
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (ParameterImportance p : ranked) {
      labels.add(p.parameter());
      data.add(Math.round(p.share() * 1000) / 10.0);
    }
    JsonObject options =
        Json.createObjectBuilder()
            .add("indexAxis", "y")
            .add("animation", false)
            .add("maintainAspectRatio", false)
            .add("plugins", Json.createObjectBuilder().add("legend", hidden()))
            .add(
                "scales",
                Json.createObjectBuilder()
                    .add("x", axis("share of explained variance (%)").add("beginAtZero", true)))
            .build();
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "importance")
                                .add("data", data)
                                .add("backgroundColor", BLUE))))
        .add("options", options)
        .build()
        .toString();
  }

  /** The numeric parameters that vary among the ranked results, importance order first. */
  public static List<String> parameters(CampaignFacts facts) {
    List<String> names = new ArrayList<>();
    for (ParameterImportance p : CampaignReport.importance(facts.results())) {
      names.add(p.parameter());
    }
    TreeSet<String> rest = new TreeSet<>();
    Map<String, TreeSet<Double>> values = new LinkedHashMap<>();
    for (TaskView t : facts.ranked()) {
      t.config()
          .forEach(
              (k, v) -> {
                if (v instanceof Number n) {
                  values.computeIfAbsent(k, x -> new TreeSet<>()).add(n.doubleValue());
                  rest.add(k);
                }
              });
    }
    rest.removeAll(names);
    names.addAll(rest);
    return names.stream()
        .filter(n -> values.containsKey(n) && values.get(n).size() > 1)
        .filter(n -> !n.equals("max_steps") && !n.equals("max_tokens"))
        .toList();
  }

  /** Scatter: val_bpb of each ranked result against one parameter's value. */
  public static String scatter(CampaignFacts facts, String parameter) {
    JsonArrayBuilder points = Json.createArrayBuilder();
    for (TaskView t : facts.ranked()) {
      if (t.config().get(parameter) instanceof Number n) {
        points.add(Json.createObjectBuilder().add("x", n.doubleValue()).add("y", t.valBpb()));
      }
    }
    boolean log = parameter.equals("learning_rate") || parameter.equals("weight_decay");
    JsonObjectBuilder x = axis(parameter);
    if (log) {
      x.add("type", "logarithmic");
    }
    return Json.createObjectBuilder()
        .add("type", "scatter")
        .add(
            "data",
            Json.createObjectBuilder()
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "val_bpb")
                                .add("data", points)
                                .add("backgroundColor", BLUE))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("animation", false)
                .add("maintainAspectRatio", false)
                .add("plugins", Json.createObjectBuilder().add("legend", hidden()))
                .add("scales", Json.createObjectBuilder().add("x", x).add("y", axis("val_bpb"))))
        .build()
        .toString();
  }

  /** The best val_bpb so far, result after result in the order they finished. */
  public static List<double[]> bestSoFar(CampaignFacts facts) {
    List<TaskView> done =
        facts.ranked().stream()
            .sorted(
                Comparator.comparing(
                        (TaskView t) ->
                            t.finishedAt() == null ? java.time.Instant.MAX : t.finishedAt())
                    .thenComparingInt(TaskView::index))
            .toList();
    List<double[]> points = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < done.size(); i++) {
      best = Math.min(best, done.get(i).valBpb());
      points.add(new double[] {i + 1, best, done.get(i).valBpb()});
    }
    return points;
  }

  /** Line: the best val_bpb so far, with each result as a point. */
  public static String bestOverTime(CampaignFacts facts) {
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder best = Json.createArrayBuilder();
    JsonArrayBuilder each = Json.createArrayBuilder();
    for (double[] p : bestSoFar(facts)) {
      labels.add((int) p[0]);
      best.add(p[1]);
      each.add(p[2]);
    }
    return Json.createObjectBuilder()
        .add("type", "line")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "best so far")
                                .add("data", best)
                                .add("borderColor", GREEN)
                                .add("backgroundColor", GREEN)
                                .add("stepped", true))
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "result")
                                .add("data", each)
                                .add("showLine", false)
                                .add("borderColor", BLUE)
                                .add("backgroundColor", BLUE))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("animation", false)
                .add("maintainAspectRatio", false)
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add("x", axis("results, in the order they finished"))
                        .add("y", axis("val_bpb"))))
        .build()
        .toString();
  }

  /** One task's learning curve: val_bpb (where evaluated) and train loss against the step. */
  public static String curve(List<org.xeenet.api.CurvePoint> points) {
    JsonArrayBuilder bpb = Json.createArrayBuilder();
    JsonArrayBuilder loss = Json.createArrayBuilder();
    for (org.xeenet.api.CurvePoint p : points) {
      if (p.step() == null) {
        continue;
      }
      if (p.valBpb() != null && Double.isFinite(p.valBpb())) {
        bpb.add(Json.createObjectBuilder().add("x", p.step()).add("y", p.valBpb()));
      }
      if (p.trainLoss() != null && Double.isFinite(p.trainLoss())) {
        loss.add(Json.createObjectBuilder().add("x", p.step()).add("y", p.trainLoss()));
      }
    }
    return Json.createObjectBuilder()
        .add("type", "scatter")
        .add(
            "data",
            Json.createObjectBuilder()
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "val_bpb")
                                .add("data", bpb)
                                .add("showLine", true)
                                .add("yAxisID", "y")
                                .add("borderColor", GREEN)
                                .add("backgroundColor", GREEN))
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "train loss")
                                .add("data", loss)
                                .add("showLine", true)
                                .add("pointRadius", 0)
                                .add("yAxisID", "y1")
                                .add("borderColor", BLUE)
                                .add("backgroundColor", BLUE))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("animation", false)
                .add("maintainAspectRatio", false)
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add("x", axis("step"))
                        .add("y", axis("val_bpb").add("position", "left"))
                        .add("y1", axis("train loss").add("position", "right"))))
        .build()
        .toString();
  }

  private static JsonObjectBuilder axis(String title) {
    return Json.createObjectBuilder()
        .add("title", Json.createObjectBuilder().add("display", true).add("text", title));
  }

  private static JsonObjectBuilder hidden() {
    return Json.createObjectBuilder().add("display", false);
  }
}
