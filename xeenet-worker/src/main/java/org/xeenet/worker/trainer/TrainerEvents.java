package org.xeenet.worker.trainer;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.Map;
import org.xeenet.api.TaskResult;

/**
 * The trainer's stdout protocol: one JSON object per line.
 *
 * <ul>
 *   <li>{@code {"event":"progress","step":120,"elapsed_s":3.1,"train_loss":2.41,"lr":0.001,
 *       "tokens_per_s":36000.0}} (plus {@code "val_bpb"} on evaluation lines)
 *   <li>{@code {"event":"result","stop_reason":"budget", ...TaskResult fields...}} once, last
 * </ul>
 *
 * Anything that is not such a line is ignored by the parser.
 */
public final class TrainerEvents {
  public static final String PROGRESS = "progress";
  public static final String RESULT = "result";

  private static final Jsonb JSONB = JsonbBuilder.create();

  private TrainerEvents() {}

  /** A parsed line. */
  public sealed interface Event permits Progress, Result {}

  /** A progress line. */
  public record Progress(
      @JsonbProperty("event") String event,
      @JsonbProperty("step") long step,
      @JsonbProperty("elapsed_s") double elapsedS,
      @JsonbProperty("train_loss") Double trainLoss,
      @JsonbProperty("val_bpb") Double valBpb,
      @JsonbProperty("lr") Double lr,
      @JsonbProperty("tokens_per_s") Double tokensPerS)
      implements Event {}

  /** The final line: the TaskResult, why training stopped and the checkpoint file (or null). */
  public record Result(TaskResult result, String stopReason, String checkpointPath)
      implements Event {}

  public static String progressLine(
      long step, double elapsedS, Double trainLoss, Double valBpb, Double lr, Double tokensPerS) {
    return JSONB.toJson(
        new Progress(PROGRESS, step, round(elapsedS, 3), trainLoss, valBpb, lr, tokensPerS));
  }

  public static String resultLine(TaskResult result, String stopReason) {
    return resultLine(result, stopReason, null);
  }

  /** The result line; with a checkpoint it also carries checkpoint_path/_sha256/_bytes. */
  public static String resultLine(TaskResult result, String stopReason, Checkpoint ckpt) {
    String body = JSONB.toJson(result);
    String head = "{\"event\":\"result\",\"stop_reason\":" + JSONB.toJson(stopReason);
    if (ckpt != null) {
      head +=
          ",\"checkpoint_path\":"
              + JSONB.toJson(ckpt.path().toAbsolutePath().toString())
              + ",\"checkpoint_sha256\":"
              + JSONB.toJson(ckpt.sha256())
              + ",\"checkpoint_bytes\":"
              + ckpt.bytes();
    }
    return body.equals("{}") ? head + "}" : head + "," + body.substring(1);
  }

  /** Parses one stdout line; null when it is not a protocol line. */
  public static Event parse(String line) {
    if (line == null) {
      return null;
    }
    String s = line.trim();
    if (!s.startsWith("{") || !s.endsWith("}")) {
      return null;
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = JSONB.fromJson(s, Map.class);
      Object event = map.get("event");
      if (PROGRESS.equals(event)) {
        return JSONB.fromJson(s, Progress.class);
      }
      if (RESULT.equals(event)) {
        Object reason = map.get("stop_reason");
        Object ckpt = map.get("checkpoint_path");
        return new Result(
            JSONB.fromJson(s, TaskResult.class),
            reason == null ? null : reason.toString(),
            ckpt == null ? null : ckpt.toString());
      }
      return null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  public static Jsonb jsonb() {
    return JSONB;
  }

  /** Rounds to {@code digits} decimals. */
  public static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
