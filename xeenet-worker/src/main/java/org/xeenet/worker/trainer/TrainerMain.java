package org.xeenet.worker.trainer;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xeenet.api.TaskResult;

/**
 * Entry point of the child JVM (and of {@code xeenet-worker train}). Prints ONLY JSON lines on
 * stdout (see {@link TrainerEvents}); everything else, logging included, goes to stderr.
 *
 * <pre>
 * java ... org.xeenet.worker.trainer.TrainerMain --job FILE.json   train, print progress + result
 * java ... org.xeenet.worker.trainer.TrainerMain --probe           {"event":"probe","ok":true,...}
 * java ... org.xeenet.worker.trainer.TrainerMain --evaluate FILE.json CHECKPOINT
 *                                       val_bpb of the checkpoint (forward passes only), result line
 * </pre>
 *
 * Exit status: 0 when a result line was printed (whatever its status), 2 on bad arguments or an
 * unreadable job file. A {@code stop} line on stdin (what the worker sends) or SIGTERM stops the
 * training loop after the current step; the trainer then evaluates quickly and still prints its
 * result line.
 */
public final class TrainerMain {
  /** Test-only system property: the child ignores SIGTERM (the parent must SIGKILL it). */
  public static final String IGNORE_SIGTERM_PROPERTY = "xeenet.test.ignoreSigterm";

  private TrainerMain() {}

  public static void main(String[] args) {
    PrintStream json = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    if (args.length == 1 && "--probe".equals(args[0])) {
      json.println(probeLine());
      json.flush();
      return;
    }
    if (args.length == 2 && "--matmul-peak".equals(args[0])) {
      json.println(MatmulPeak.run(args[1]));
      json.flush();
      return;
    }
    if (args.length == 2 && "--bench-job".equals(args[0])) {
      // throughput runs (bench train): no final evaluation, a progress line every 0.25 s
      try {
        TrainerJob job = readJob(Path.of(args[1]));
        TrainerConfig cfg = TrainerConfig.parse(job.config());
        CharLmTrainer trainer =
            new CharLmTrainer(
                    job,
                    cfg,
                    CharDataset.load(Path.of(job.datasetPath())),
                    json::println,
                    () -> false)
                .progressInterval(0.25)
                .finalEvalBatches(0);
        TaskResult r = trainer.run();
        json.println(TrainerEvents.resultLine(r, trainer.stopReason()));
      } catch (IOException | RuntimeException e) {
        System.err.println("bench job failed: " + e);
        System.exit(1);
      }
      json.flush();
      return;
    }
    if (args.length == 2 && "--benchmark".equals(args[0])) {
      json.println(StartupBenchmark.run(Double.parseDouble(args[1])));
      json.flush();
      return;
    }
    if (args.length == 3 && "--evaluate".equals(args[0])) {
      // the trust agent's verification: val_bpb of an uploaded checkpoint, no training
      try {
        TrainerJob job = readJob(Path.of(args[1]));
        TaskResult r = CheckpointEvaluator.evaluate(job, Path.of(args[2]));
        json.println(TrainerEvents.resultLine(r, "evaluated"));
      } catch (IOException | RuntimeException e) {
        System.err.println("cannot read job file " + args[1] + ": " + e);
        System.exit(2);
      }
      json.flush();
      return;
    }
    if (args.length != 2 || !"--job".equals(args[0])) {
      System.err.println("usage: TrainerMain --job FILE.json | --probe | --benchmark SECONDS");
      System.exit(2);
      return;
    }
    TrainerJob job;
    try {
      job = readJob(Path.of(args[1]));
    } catch (IOException | RuntimeException e) {
      System.err.println("cannot read job file " + args[1] + ": " + e);
      System.exit(2);
      return;
    }
    runWithShutdownHook(job, json);
  }

  /** Runs the job, stopping cleanly (result line still printed) when the JVM is asked to exit. */
  public static TaskResult runWithShutdownHook(TrainerJob job, PrintStream json) {
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    // test-only: a trainer that ignores SIGTERM, so tests can check the parent's hard kill. Read
    // from a system property only the tests set; no CLI option exposes it.
    boolean ignoreTerm = Boolean.getBoolean(IGNORE_SIGTERM_PROPERTY);
    Thread hook =
        new Thread(
            () -> {
              if (ignoreTerm) {
                try {
                  Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return;
              }
              System.err.println("trainer: stop requested (SIGTERM), finishing the step");
              stop.set(true);
              try {
                done.await(20, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "trainer-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    // the parent's graceful stop: a "stop" line on stdin (SIGTERM above is the fallback)
    Thread stdin =
        new Thread(
            () -> {
              try (java.io.BufferedReader r =
                  new java.io.BufferedReader(
                      new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  if ("stop".equals(line.trim())) {
                    System.err.println("trainer: stop requested, finishing the step");
                    stop.set(true);
                  }
                }
              } catch (IOException e) {
                // no stdin: only SIGTERM can stop the loop early
              }
            },
            "trainer-stdin");
    stdin.setDaemon(true);
    stdin.start();
    try {
      return runJob(job, json::println, stop::get);
    } finally {
      json.flush();
      done.countDown();
    }
  }

  /**
   * Validates the config, loads the dataset, trains and emits the result line through {@code out}.
   * Never throws for a bad config or dataset: those become a {@code failed} result.
   */
  public static TaskResult runJob(
      TrainerJob job,
      java.util.function.Consumer<String> out,
      java.util.function.BooleanSupplier stop) {
    TaskResult result;
    String reason;
    Checkpoint ckpt = null;
    try {
      TrainerConfig cfg = TrainerConfig.parse(job.config());
      if (job.datasetPath() == null) {
        throw new IllegalArgumentException("dataset_path is missing");
      }
      CharDataset data = CharDataset.load(Path.of(job.datasetPath()));
      CharLmTrainer trainer = new CharLmTrainer(job, cfg, data, out, stop);
      result = trainer.run();
      reason = trainer.stopReason();
      ckpt = trainer.checkpoint();
    } catch (IOException | IllegalArgumentException e) {
      result = failed(job, e.getMessage());
      reason = "error";
    } catch (RuntimeException | LinkageError e) {
      result = failed(job, "libtorch could not be loaded or training failed: " + e);
      reason = "error";
    }
    out.accept(TrainerEvents.resultLine(result, reason, ckpt));
    return result;
  }

  static TaskResult failed(TrainerJob job, String error) {
    return new TaskResult(
        job.taskId(), null, null, 0L, 0.0, "cpu", TaskResult.FAILED, error, false, 0L, List.of());
  }

  public static TrainerJob readJob(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return TrainerEvents.jsonb().fromJson(text, TrainerJob.class);
  }

  /** True when the MKL CPU shim is mapped into this process (preloaded by the worker). */
  static boolean mklShimLoaded() {
    return selfMaps().contains("xeenet_mkl_cpu");
  }

  /** The directory of the libtorch_cpu.so / libtorch_cuda.so mapped into this process, or null. */
  static String libtorchDir() {
    for (String line : selfMaps().split("\n")) {
      int at = line.indexOf('/');
      if (at >= 0 && line.endsWith("/libtorch_cpu.so")) {
        return Path.of(line.substring(at)).getParent().toString();
      }
    }
    return null;
  }

  private static String selfMaps() {
    try {
      return Files.readString(Path.of("/proc/self/maps"));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Loads the PyTorch engine and describes it as one JSON line. */
  static String probeLine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", "probe");
    try {
      Engine engine = Engine.getEngine("PyTorch");
      m.put("ok", true);
      m.put("engine_version", engine.getVersion());
      m.put("gpu_count", engine.getGpuCount());
      m.put("mkl_shim", mklShimLoaded());
      m.put("libtorch_dir", libtorchDir());
    } catch (RuntimeException | UnsatisfiedLinkError | ExceptionInInitializerError e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      m.put("ok", false);
      m.put("error", e + (root != e ? " (cause: " + root + ")" : ""));
    }
    return TrainerEvents.jsonb().toJson(m);
  }
}
