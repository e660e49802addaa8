package org.xeenet.worker.lease;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.TaskResult;
import org.xeenet.worker.trainer.ChildJvm;
import org.xeenet.worker.trainer.TrainerEvents;

/**
 * Runs one trainer child JVM to its end: parses its stdout JSON lines, keeps the last stderr lines,
 * calls a ticker about twice a second (heartbeats, cancel), and kills the child at the hard
 * deadline or on request (SIGTERM first, then SIGKILL after a few seconds).
 */
public final class ChildRun {
  private static final Logger LOG = LoggerFactory.getLogger(ChildRun.class);
  private static final int STDERR_TAIL_LINES = 15;
  private static final long TERM_WAIT_MILLIS = 15_000;

  /** Called with each progress line, on the stdout reader thread. */
  public interface ProgressListener {
    void onProgress(TrainerEvents.Progress p);
  }

  /**
   * Called about every 0.5 s from the waiting thread with the last progress (may be null); returns
   * a stop cause, or NONE to go on.
   */
  public interface Ticker {
    ChildOutcome.StopCause tick(TrainerEvents.Progress last, double elapsedSeconds);
  }

  private final ChildJvm jvm;
  private final String[] args;
  private final Deadlines deadlines;
  private final String label;
  private volatile Process process;
  private volatile Long maxRssBytes;
  private volatile ChildOutcome.StopCause requested = ChildOutcome.StopCause.NONE;
  private volatile TrainerEvents.Progress last;
  private volatile TrainerEvents.Result result;
  private final List<CurvePoint> curve = Collections.synchronizedList(new ArrayList<>());
  private final Deque<String> stderrTail = new ArrayDeque<>();

  public ChildRun(ChildJvm jvm, Deadlines deadlines, String label, String... args) {
    this.jvm = jvm;
    this.args = args;
    this.deadlines = deadlines;
    this.label = label;
  }

  /** Stop the child (cause MEMORY) when its resident memory exceeds this many bytes. */
  public void maxRss(Long bytes) {
    this.maxRssBytes = bytes;
  }

  /** Kills the child at once (SIGKILL). */
  public void forceStop() {
    Process p = process;
    if (p != null) {
      p.destroyForcibly();
    }
  }

  /** Resident memory of a process in bytes from /proc (Linux), or -1. */
  public static long rssBytes(long pid) {
    try {
      for (String l :
          java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/" + pid + "/status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** Asks the running child to stop (SIGTERM, then SIGKILL); run() returns soon after. */
  public void requestStop(ChildOutcome.StopCause cause) {
    if (requested == ChildOutcome.StopCause.NONE) {
      requested = cause;
    }
  }

  public ChildOutcome run(ProgressListener listener, Ticker ticker)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    ProcessBuilder pb = jvm.processBuilder(args);
    LOG.info("[{}] starting trainer: {}", label, String.join(" ", pb.command()));
    Process p = pb.start();
    process = p;
    Thread out = new Thread(() -> readStdout(p, listener), "trainer-stdout");
    Thread err = new Thread(() -> readStderr(p), "trainer-stderr");
    out.setDaemon(true);
    err.setDaemon(true);
    out.start();
    err.start();
    ChildOutcome.StopCause cause = ChildOutcome.StopCause.NONE;
    while (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
      double el = (System.nanoTime() - t0) / 1e9;
      if (requested != ChildOutcome.StopCause.NONE) {
        cause = requested;
      } else if (el >= deadlines.hardSeconds()) {
        cause = ChildOutcome.StopCause.HARD_DEADLINE;
        LOG.warn(
            "[{}] hard deadline ({} s) reached: killing the trainer",
            label,
            deadlines.hardSeconds());
      } else if (maxRssBytes != null && rssBytes(p.pid()) > maxRssBytes) {
        cause = ChildOutcome.StopCause.MEMORY;
        LOG.warn("[{}] trainer exceeds --max-ram ({} bytes): stopping it", label, maxRssBytes);
      } else if (ticker != null) {
        cause = ticker.tick(last, el);
      }
      if (cause != ChildOutcome.StopCause.NONE) {
        stop(p, cause);
        break;
      }
    }
    p.waitFor();
    try {
      p.getOutputStream().close();
    } catch (IOException e) {
      // already gone
    }
    out.join(5000);
    err.join(2000);
    double wall = (System.nanoTime() - t0) / 1e9;
    TrainerEvents.Result r = result;
    String tail;
    synchronized (stderrTail) {
      tail = String.join("\n", stderrTail);
    }
    TaskResult tr = r == null ? null : r.result();
    LOG.info(
        "[{}] trainer exited with code {} after {} s{}",
        label,
        p.exitValue(),
        String.format("%.1f", wall),
        cause == ChildOutcome.StopCause.NONE ? "" : " (stopped: " + cause + ")");
    return new ChildOutcome(
        tr,
        r == null ? null : r.stopReason(),
        last,
        List.copyOf(curve),
        p.exitValue(),
        cause,
        tail,
        wall);
  }

  private void stop(Process p, ChildOutcome.StopCause cause) throws InterruptedException {
    if (cause == ChildOutcome.StopCause.ABANDONED) {
      p.destroyForcibly();
      return;
    }
    if (cause == ChildOutcome.StopCause.HARD_DEADLINE
        || cause == ChildOutcome.StopCause.LEASE_GONE
        || cause == ChildOutcome.StopCause.MEMORY
        || cause == ChildOutcome.StopCause.CANCELLED) {
      // the result would not be used: no need to let the trainer evaluate
      p.destroy();
      if (!p.waitFor(2000, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
      }
      return;
    }
    // graceful: "stop" on the child's stdin; it ends the step, evaluates briefly and reports
    try {
      java.io.OutputStream in = p.getOutputStream();
      in.write("stop\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      LOG.debug("[{}] cannot write to the trainer's stdin: {}", label, e.toString());
    }
    if (p.waitFor(TERM_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
      return;
    }
    p.destroy(); // SIGTERM: the trainer's shutdown hook ends its loop too
    if (!p.waitFor(TERM_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
      LOG.warn("[{}] trainer did not stop after SIGTERM: killing it", label);
      p.destroyForcibly();
    }
  }

  private void readStdout(Process p, ProgressListener listener) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        TrainerEvents.Event e = TrainerEvents.parse(line);
        if (e instanceof TrainerEvents.Progress pr) {
          last = pr;
          curve.add(new CurvePoint(pr.step(), pr.elapsedS(), pr.trainLoss(), pr.valBpb()));
          if (listener != null) {
            listener.onProgress(pr);
          }
        } else if (e instanceof TrainerEvents.Result res) {
          result = res;
        } else if (!line.isBlank()) {
          LOG.debug("[{}] trainer stdout (ignored): {}", label, line);
        }
      }
    } catch (IOException e) {
      LOG.debug("[{}] trainer stdout closed: {}", label, e.toString());
    }
  }

  private void readStderr(Process p) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        LOG.debug("[{}] trainer: {}", label, line);
        synchronized (stderrTail) {
          stderrTail.addLast(line);
          if (stderrTail.size() > STDERR_TAIL_LINES) {
            stderrTail.removeFirst();
          }
        }
      }
    } catch (IOException e) {
      LOG.debug("[{}] trainer stderr closed: {}", label, e.toString());
    }
  }
}
