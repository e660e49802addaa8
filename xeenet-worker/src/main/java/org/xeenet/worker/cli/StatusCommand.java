package org.xeenet.worker.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xeenet.worker.lease.VolunteerControls;
import org.xeenet.worker.lease.WorkerStatus;
import org.xeenet.worker.trainer.TrainerEvents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code status}: what the worker is doing, tasks done, credits. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Show the running worker's state, tasks done and credits earned (asked from the"
            + " server with the worker's token; the last known figures when it is unreachable).")
public final class StatusCommand implements Callable<Integer> {
  @Option(names = "--config-dir", description = "As for run.")
  Path configDir;

  @Option(names = "--json", description = "Print the status as JSON (with the credits account).")
  boolean json;

  @Option(
      names = "--offline",
      description = "Do not ask the server for the credits (show the last known figures).")
  boolean offline;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() {
    Path d = PauseCommand.dir(configDir);
    String text = WorkerStatus.read(d);
    if (text == null) {
      System.out.println("no worker status in " + d + " (has 'run' been started?)");
      return 1;
    }
    Map<String, Object> m = TrainerEvents.jsonb().fromJson(text, Map.class);
    String server = m.get("server") == null ? null : m.get("server").toString();
    StatusCredits.Shown credits =
        offline
            ? StatusCredits.fetch(
                d,
                server,
                c -> {
                  throw new IllegalStateException("not asked (--offline)");
                })
            : StatusCredits.fetch(d, server);
    if (json) {
      m.put("credits", credits.account());
      m.put("credits_fetched_at", credits.fetchedAt());
      m.put("credits_error", credits.error());
      System.out.println(TrainerEvents.jsonb().toJson(m));
      return 0;
    }
    boolean alive =
        m.get("pid") instanceof Number n
            && ProcessHandle.of(n.longValue()).map(ProcessHandle::isAlive).orElse(false);
    System.out.println("server:            " + m.get("server"));
    System.out.println(
        "state:             "
            + (alive ? m.get("state") : "not running (last: " + m.get("state") + ")")
            + (m.get("detail") == null ? "" : " - " + m.get("detail")));
    System.out.println("paused:            " + Files.exists(VolunteerControls.pauseFile(d)));
    System.out.println("tasks done:        " + m.get("tasks_done"));
    System.out.println("results delivered: " + m.get("results_delivered"));
    System.out.println("outbox:            " + m.get("outbox"));
    System.out.println("credits earned:    " + StatusCredits.describe(credits));
    if (m.get("current") != null) {
      System.out.println("current:           " + m.get("current"));
    }
    if (m.get("last_result") != null) {
      System.out.println("last result:       " + m.get("last_result"));
    }
    return 0;
  }
}
