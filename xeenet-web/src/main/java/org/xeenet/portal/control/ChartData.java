package org.xeenet.portal.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.xeenet.api.CurvePoint;

/**
 * The JSON the campaign page's own charts script ({@code portal/charts.js}) draws from: every valid
 * configuration as one row (for the parallel coordinates and the val_bpb-per-parameter scatters),
 * the numeric parameters that vary with their ranges, the best val_bpb so far at each improvement,
 * and the learning curves of the best tasks.
 */
public final class ChartData {
  /** Budget parameters the search does not choose; never an axis. */
  static final List<String> NOT_AXES = List.of("max_steps", "max_tokens");

  /** Parameters drawn on a log scale. */
  static final List<String> LOG_SCALE = List.of("learning_rate", "weight_decay");

  private ChartData() {}

  /** One valid, non-simulated result. */
  public record Point(int index, double valBpb, Map<String, Object> config, Instant finishedAt) {}

  /** A parameter's share of the explained variance of val_bpb. */
  public record Share(String parameter, double share) {}

  /** A learning curve of one task. */
  public record Curve(int index, double valBpb, List<CurvePoint> points) {}

  /** The numeric parameters whose value differs among the points, in first-seen order. */
  public static List<String> axes(List<Point> points) {
    Map<String, TreeSet<Double>> values = new LinkedHashMap<>();
    for (Point p : points) {
      if (p.config() == null) {
        continue;
      }
      p.config()
          .forEach(
              (k, v) -> {
                if (v instanceof Number n && !NOT_AXES.contains(k)) {
                  values.computeIfAbsent(k, x -> new TreeSet<>()).add(n.doubleValue());
                }
              });
    }
    List<String> axes = new ArrayList<>();
    values.forEach(
        (k, set) -> {
          if (set.size() > 1) {
            axes.add(k);
          }
        });
    return axes;
  }

  /** The best val_bpb so far at each result that improved it: (n-th result, val_bpb). */
  public static List<double[]> improvements(List<Point> points) {
    List<Point> done =
        points.stream()
            .sorted(
                Comparator.comparing(
                        (Point p) -> p.finishedAt() == null ? Instant.MAX : p.finishedAt())
                    .thenComparingInt(Point::index))
            .toList();
    List<double[]> steps = new ArrayList<>();
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < done.size(); i++) {
      double v = done.get(i).valBpb();
      if (v < best) {
        best = v;
        steps.add(new double[] {i + 1, best});
      }
    }
    if (!done.isEmpty() && steps.get(steps.size() - 1)[0] != done.size()) {
      steps.add(new double[] {done.size(), best});
    }
    return steps;
  }

  /** The whole document; {@code live} tells the script to fetch it again later. */
  public static String json(
      List<Point> points, List<Curve> curves, List<Share> importance, boolean live) {
    List<String> axes = axes(points);
    JsonArrayBuilder parameters = Json.createArrayBuilder();
    for (String axis : axes) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (Point p : points) {
        if (p.config() != null && p.config().get(axis) instanceof Number n) {
          min = Math.min(min, n.doubleValue());
          max = Math.max(max, n.doubleValue());
        }
      }
      boolean log = LOG_SCALE.contains(axis) && min > 0;
      parameters.add(
          Json.createObjectBuilder()
              .add("name", axis)
              .add("min", min)
              .add("max", max)
              .add("log", log));
    }
    JsonArrayBuilder rows = Json.createArrayBuilder();
    double minBpb = Double.POSITIVE_INFINITY;
    double maxBpb = Double.NEGATIVE_INFINITY;
    for (Point p : points) {
      minBpb = Math.min(minBpb, p.valBpb());
      maxBpb = Math.max(maxBpb, p.valBpb());
      JsonArrayBuilder row = Json.createArrayBuilder().add(p.index()).add(round(p.valBpb()));
      for (String axis : axes) {
        if (p.config() != null && p.config().get(axis) instanceof Number n) {
          row.add(n.doubleValue());
        } else {
          row.addNull();
        }
      }
      rows.add(row);
    }
    JsonArrayBuilder best = Json.createArrayBuilder();
    for (double[] step : improvements(points)) {
      best.add(Json.createArrayBuilder().add((long) step[0]).add(round(step[1])));
    }
    JsonArrayBuilder curveArray = Json.createArrayBuilder();
    for (Curve c : curves) {
      JsonArrayBuilder pts = Json.createArrayBuilder();
      for (CurvePoint cp : c.points()) {
        if (cp.step() != null && cp.valBpb() != null && Double.isFinite(cp.valBpb())) {
          pts.add(Json.createArrayBuilder().add(cp.step()).add(round(cp.valBpb())));
        }
      }
      curveArray.add(
          Json.createObjectBuilder()
              .add("index", c.index())
              .add("val_bpb", round(c.valBpb()))
              .add("points", pts));
    }
    JsonArrayBuilder shares = Json.createArrayBuilder();
    for (Share s : importance) {
      shares.add(
          Json.createObjectBuilder()
              .add("parameter", s.parameter())
              .add("share", round(s.share())));
    }
    JsonObjectBuilder doc =
        Json.createObjectBuilder()
            .add("live", live)
            .add("count", points.size())
            .add("parameters", parameters)
            .add("rows", rows)
            .add("best_so_far", best)
            .add("curves", curveArray)
            .add("importance", shares);
    if (!points.isEmpty()) {
      doc.add("bpb", Json.createObjectBuilder().add("min", minBpb).add("max", maxBpb));
    }
    return doc.build().toString();
  }

  static double round(double v) {
    return Math.round(v * 1e5) / 1e5;
  }
}
