package org.xeenet.worker.lease;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xeenet.api.ResultAck;
import org.xeenet.api.TaskResult;
import org.xeenet.worker.trainer.TrainerEvents;

/**
 * {@code <config-dir>/status.json}: what the running worker is doing, read by {@code xeenet-worker
 * status} (which asks the server for the credits itself, {@code GET /me}).
 */
public final class WorkerStatus {
  private final Path file;
  private final String server;
  private final Map<String, Object> data = new LinkedHashMap<>();

  public WorkerStatus(Path configDir, String server) {
    this.file = configDir.resolve("status.json");
    this.server = server;
    data.put("server", server);
    data.put("pid", ProcessHandle.current().pid());
    data.put("started_at", Instant.now().toString());
  }

  public Path file() {
    return file;
  }

  public synchronized void update(
      String state, String detail, int tasksDone, int delivered, int outbox) {
    data.put("state", state);
    data.put("detail", detail);
    data.put("tasks_done", tasksDone);
    data.put("results_delivered", delivered);
    data.put("outbox", outbox);
    data.put("updated_at", Instant.now().toString());
    write();
  }

  public synchronized void progress(String task, TrainerEvents.Progress p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task", task);
    m.put("step", p.step());
    m.put("train_loss", p.trainLoss());
    m.put("tokens_per_s", p.tokensPerS());
    m.put("elapsed_s", p.elapsedS());
    data.put("current", m);
    data.put("updated_at", Instant.now().toString());
    write();
  }

  public synchronized void delivered(TaskResult r, ResultAck ack) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_id", r.taskId());
    m.put("status", r.status());
    m.put("val_bpb", r.valBpb());
    m.put("server_status", ack == null ? null : ack.status());
    data.put("last_result", m);
    data.remove("current");
    write();
  }

  private void write() {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling("status.json.tmp");
      Files.writeString(tmp, TrainerEvents.jsonb().toJson(data), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // status is informative only
    }
  }

  /** The status file as text, or null. */
  public static String read(Path configDir) {
    try {
      return Files.readString(configDir.resolve("status.json"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }

  String server() {
    return server;
  }
}
