package org.xeenet.worker.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.xeenet.worker.trainer.CharDataset;
import org.xeenet.worker.trainer.ChildJvm;
import org.xeenet.worker.trainer.ModelFlops;
import org.xeenet.worker.trainer.TrainerConfig;
import org.xeenet.worker.trainer.TrainerEvents;
import org.xeenet.worker.trainer.TrainerJob;

/**
 * {@code bench train}: training throughput of the DJL trainer for the fixed configs on 1 and 2
 * threads, each in a fresh child JVM (libtorch reads its thread count once), repeated, median
 * reported; model FLOP/s from {@link ModelFlops}; share of the fp32 peak (nominal and measured with
 * a large matmul); the PyTorch reference ({@code bench/torch_ref.py}) run the same way; optional
 * bf16-matmul runs (fp32 model, matmuls with bf16 inputs: {@link #bf16Jvm}) and an RSS check over
 * many steps. One JSON line per measured configuration on stdout.
 */
public final class TrainBench {
  /** Settings of a benchmark run. */
  public record Settings(
      List<String> configs,
      List<Integer> threads,
      int repeats,
      double secondsPerRun,
      Path dataset,
      Path referenceScript,
      String python,
      boolean bf16,
      long rssSteps,
      double nominalPeakGflops,
      Map<String, String> childEnv,
      boolean rssOnly,
      Path bf32Library) {}

  private final Settings s;
  private final ChildJvm base;
  private final PrintStream out;
  private final Path workDir;

  public TrainBench(Settings s, ChildJvm base, PrintStream out, Path workDir) {
    this.s = s;
    this.base = base;
    this.out = out;
    this.workDir = workDir;
  }

  public void run() throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    int vocab = CharDataset.load(s.dataset()).vocabSize();
    Map<Integer, Map<String, Object>> peaks = new LinkedHashMap<>();
    for (int t : s.rssOnly() ? List.<Integer>of() : s.threads()) {
      Map<String, Object> p = peak(t);
      peaks.put(t, p);
      Map<String, Object> line = new LinkedHashMap<>(p);
      line.put("event", "peak");
      line.put("threads", t);
      line.put("nominal_gflops", s.nominalPeakGflops() * t / 2.0);
      emit(line);
    }
    for (String name : s.rssOnly() ? List.<String>of() : s.configs()) {
      TrainerConfig cfg = BenchConfigs.parsed(name);
      double flopsPerToken = ModelFlops.trainFlopsPerToken(cfg, vocab);
      for (int t : s.threads()) {
        List<Double> djl = new ArrayList<>();
        List<Double> djlCpu = new ArrayList<>();
        List<Double> ref = new ArrayList<>();
        List<Double> refCpu = new ArrayList<>();
        List<Double> bf = new ArrayList<>();
        List<Double> bfCpu = new ArrayList<>();
        for (int r = 0; r < s.repeats(); r++) {
          // interleaved, so a change of machine load hits both engines alike
          add(djlRun(name, t, false), djl, djlCpu);
          if (s.referenceScript() != null) {
            add(referenceRun(name, t, cfg), ref, refCpu);
          }
          if (s.bf16() && (r == 0 || !bf.isEmpty())) {
            add(djlRun(name, t, true), bf, bfCpu);
          }
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("config", name);
        line.put("shape", BenchConfigs.describe(name));
        line.put("threads", t);
        line.put("mkl_shim", base.env().getOrDefault("LD_PRELOAD", "").contains("xeenet_mkl_cpu"));
        Double tps = median(djl);
        line.put("tokens_per_s", tps);
        line.put("tokens_per_s_runs", djl);
        Double cpu = median(djlCpu);
        line.put("tokens_per_cpu_s", cpu);
        line.put("flops_per_token", flopsPerToken);
        double gflops = tps == null ? 0 : tps * flopsPerToken / 1e9;
        line.put("gflops", TrainerEvents.round(gflops, 2));
        double nominal = s.nominalPeakGflops() * t / 2.0;
        line.put("peak_share", TrainerEvents.round(gflops / nominal, 4));
        Object measured = peaks.get(t).get("fp32_gflops");
        if (measured instanceof Number m && m.doubleValue() > 0) {
          line.put("measured_peak_share", TrainerEvents.round(gflops / m.doubleValue(), 4));
        }
        Double p = median(ref);
        if (p != null) {
          line.put("pytorch_tokens_per_s", p);
          line.put("pytorch_tokens_per_s_runs", ref);
          line.put("speedup_vs_pytorch", tps == null ? null : TrainerEvents.round(tps / p, 3));
          Double pc = median(refCpu);
          line.put("pytorch_tokens_per_cpu_s", pc);
          if (cpu != null && pc != null) {
            line.put("speedup_per_cpu_s_vs_pytorch", TrainerEvents.round(cpu / pc, 3));
          }
        }
        Double b = median(bf);
        if (b != null) {
          line.put("bf16_tokens_per_s", b);
          line.put("bf16_tokens_per_cpu_s", median(bfCpu));
          line.put("bf16_gflops", TrainerEvents.round(b * flopsPerToken / 1e9, 2));
        }
        emit(line);
      }
    }
    if (s.rssSteps() > 0) {
      emit(rss(s.rssSteps()));
    }
  }

  /**
   * One run's figures: tokens/s (wall clock) and tokens per CPU-second of the trainer process (all
   * its threads), the second barely moved by other processes on a shared machine.
   */
  record Measure(double tokensPerS, Double tokensPerCpuS) {}

  private static void add(Measure m, List<Double> wall, List<Double> cpu) {
    if (m != null) {
      wall.add(m.tokensPerS());
      if (m.tokensPerCpuS() != null) {
        cpu.add(m.tokensPerCpuS());
      }
    }
  }

  private void emit(Map<String, Object> line) {
    out.println(TrainerEvents.jsonb().toJson(line));
    out.flush();
  }

  private ChildJvm jvm(int threads) {
    ChildJvm j = base.withThreads(threads);
    for (Map.Entry<String, String> e : s.childEnv().entrySet()) {
      j = j.withEnv(e.getKey(), e.getValue());
    }
    return j;
  }

  /**
   * The child for "bf16" runs: DJL 0.36 cannot create bf16 tensors (the JVM aborts), so the model
   * stays fp32 and libtorch computes its matmuls with bf16 inputs and fp32 accumulation (oneDNN,
   * AVX512_BF16 / AMX), set by preloading the bf32 library; null when the jar has none.
   */
  private ChildJvm bf16Jvm(int threads) {
    if (s.bf32Library() == null) {
      return null;
    }
    ChildJvm j = jvm(threads);
    String pre = j.env().get("LD_PRELOAD");
    return j.withEnv(
        "LD_PRELOAD",
        pre == null || pre.isBlank() ? s.bf32Library().toString() : pre + ":" + s.bf32Library());
  }

  private Map<String, Object> peak(int threads) throws IOException, InterruptedException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String type : s.bf16() ? List.of("fp32", "bf16") : List.of("fp32")) {
      List<Double> runs = new ArrayList<>();
      for (int r = 0; r < s.repeats(); r++) {
        boolean bf = "bf16".equals(type);
        // bf16: fp32 tensors, matmul computed with bf16 inputs (the bf32 library, see bf16Jvm)
        ChildJvm j = bf ? bf16Jvm(threads) : jvm(threads);
        if (j == null) {
          break;
        }
        List<String> lines = runChild(j.processBuilder("--matmul-peak", "fp32"), 300, null);
        for (String l : lines) {
          if (l.contains("\"peak\"")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = TrainerEvents.jsonb().fromJson(l, Map.class);
            if (m.get("fp32_gflops") instanceof Number n) {
              runs.add(n.doubleValue());
            }
          }
        }
        if (runs.isEmpty()) {
          break; // crashed (bf16 through DJL): no point repeating
        }
      }
      out.put(type + "_gflops", median(runs));
      out.put(type + "_gflops_runs", runs);
      if (runs.isEmpty()) {
        out.put(
            type + "_error",
            "bf16".equals(type) && s.bf32Library() == null
                ? "this worker jar has no bf32 matmul library (built without a C compiler)"
                : "the child JVM printed no figure (aborted)");
      }
    }
    return out;
  }

  /** Tokens/s of one DJL child run, warm-up (first second) excluded, and per CPU-second. */
  Measure djlRun(String name, int threads, boolean bf16) throws IOException, InterruptedException {
    Map<String, Object> cfg = BenchConfigs.config(name);
    cfg.put("max_steps", 1_000_000);
    TrainerJob job =
        new TrainerJob(
            "bench-" + name,
            null,
            cfg,
            List.of(1L),
            s.secondsPerRun() + 1.0,
            s.dataset().toAbsolutePath().toString());
    Path f = workDir.resolve("bench-" + name + "-" + threads + (bf16 ? "-bf16" : "") + ".json");
    Files.writeString(f, TrainerEvents.jsonb().toJson(job), StandardCharsets.UTF_8);
    ChildJvm j = bf16 ? bf16Jvm(threads) : jvm(threads);
    if (j == null) {
      return null;
    }
    // the child's CPU seconds, read from /proc when each progress line arrives
    List<TrainerEvents.Progress> progress = new ArrayList<>();
    List<Double> cpuAt = new ArrayList<>();
    runChild(
        j.processBuilder("--bench-job", f.toString()),
        600,
        (pid, l) -> {
          if (TrainerEvents.parse(l) instanceof TrainerEvents.Progress p && p.elapsedS() >= 1.0) {
            progress.add(p);
            cpuAt.add(cpuSeconds(pid));
          }
        });
    long tps = BenchConfigs.parsed(name).tokensPerStep();
    if (progress.size() < 2) {
      System.err.println("[bench] " + name + " t=" + threads + " bf16=" + bf16 + ": no figure");
      return null;
    }
    TrainerEvents.Progress a = progress.get(0);
    TrainerEvents.Progress b = progress.get(progress.size() - 1);
    double v = TrainerEvents.round((b.step() - a.step()) * tps / (b.elapsedS() - a.elapsedS()), 1);
    double c0 = cpuAt.get(0);
    double c1 = cpuAt.get(cpuAt.size() - 1);
    Double perCpu =
        c0 >= 0 && c1 > c0 ? TrainerEvents.round((b.step() - a.step()) * tps / (c1 - c0), 1) : null;
    System.err.println(
        "[bench] djl "
            + name
            + " t="
            + threads
            + (bf16 ? " bf16" : "")
            + ": "
            + v
            + " ("
            + perCpu
            + " per CPU-s)");
    return new Measure(v, perCpu);
  }

  /** utime + stime of a process in seconds (/proc/PID/stat), or -1. */
  static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields 14 and 15 of stat (utime, stime) are 11 and 12 after "pid (comm) "
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  Measure referenceRun(String name, int threads, TrainerConfig cfg)
      throws IOException, InterruptedException {
    // steps for about secondsPerRun, from a short calibration run
    int steps = 10;
    Measure first = referenceOnce(name, threads, steps);
    if (first == null) {
      return null;
    }
    double stepsPerS = first.tokensPerS() / cfg.tokensPerStep();
    steps = (int) Math.max(10, Math.min(100_000, stepsPerS * s.secondsPerRun()));
    Measure v = referenceOnce(name, threads, steps);
    System.err.println(
        "[bench] pytorch "
            + name
            + " t="
            + threads
            + ": "
            + (v == null ? null : v.tokensPerS() + " (" + v.tokensPerCpuS() + " per CPU-s)"));
    return v;
  }

  private Measure referenceOnce(String name, int threads, int steps)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(
            s.python(),
            s.referenceScript().toString(),
            "--config",
            name,
            "--threads",
            Integer.toString(threads),
            "--steps",
            Integer.toString(steps),
            "--dataset",
            s.dataset().toString());
    // best settings found for Debian's torch on a shared 2-core machine: passive OpenMP waits
    // (active spinning collapses under load), OpenBLAS with the same thread count
    pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
    pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
    for (String l : runChild(pb, 900, null)) {
      if (l.contains("tokens_per_s")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = TrainerEvents.jsonb().fromJson(l, Map.class);
        return m.get("tokens_per_s") instanceof Number n
            ? new Measure(
                n.doubleValue(),
                m.get("tokens_per_cpu_s") instanceof Number c ? c.doubleValue() : null)
            : null;
      }
    }
    return null;
  }

  /** RSS of a tiny-config child (bounded heap) over many steps, sampled at each progress line. */
  private Map<String, Object> rss(long steps) throws IOException, InterruptedException {
    Map<String, Object> cfg = BenchConfigs.config("tiny");
    cfg.put("max_steps", steps);
    cfg.put("log_interval", (int) Math.max(1, steps / 20));
    TrainerJob job =
        new TrainerJob(
            "bench-rss", null, cfg, List.of(1L), 3600.0, s.dataset().toAbsolutePath().toString());
    Path f = workDir.resolve("bench-rss.json");
    Files.writeString(f, TrainerEvents.jsonb().toJson(job), StandardCharsets.UTF_8);
    ChildJvm j = jvm(2).withMaxHeap("256m");
    List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
    List<String> lines =
        runChild(
            j.processBuilder("--bench-job", f.toString()),
            3600,
            (pid, line) -> {
              if (TrainerEvents.parse(line) instanceof TrainerEvents.Progress p) {
                long kb = rssKb(pid);
                if (kb > 0) {
                  samples.add(new long[] {p.step(), kb});
                }
              }
            });
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("event", "rss");
    m.put("config", "tiny");
    m.put("max_heap", "256m");
    m.put("steps", steps);
    List<List<Long>> pts = new ArrayList<>();
    for (long[] x : samples) {
      pts.add(List.of(x[0], x[1] / 1024));
    }
    m.put("step_rss_mb", pts);
    if (samples.size() >= 4) {
      long early = samples.get(Math.min(2, samples.size() - 1))[1] / 1024;
      long last = samples.get(samples.size() - 1)[1] / 1024;
      m.put("rss_mb_at_10pct", early);
      m.put("rss_mb_at_end", last);
      m.put("growth_mb", last - early);
    }
    for (String l : lines) {
      if (TrainerEvents.parse(l) instanceof TrainerEvents.Result res) {
        m.put("status", res.result().status());
        m.put("stop_reason", res.stopReason());
        m.put("steps_completed", res.result().stepsCompleted());
        m.put("error", res.result().error());
      }
    }
    return m;
  }

  static long rssKb(long pid) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  interface LineHook {
    void onLine(long pid, String line);
  }

  private static List<String> runChild(ProcessBuilder pb, long timeoutS, LineHook hook)
      throws IOException, InterruptedException {
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    p.getOutputStream().close();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String l;
      while ((l = r.readLine()) != null) {
        lines.add(l);
        if (hook != null) {
          hook.onLine(p.pid(), l);
        }
      }
    }
    if (!p.waitFor(timeoutS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return lines;
  }

  static Double median(List<Double> v) {
    if (v.isEmpty()) {
      return null;
    }
    List<Double> c = new ArrayList<>(v);
    Collections.sort(c);
    int n = c.size();
    return n % 2 == 1
        ? c.get(n / 2)
        : TrainerEvents.round((c.get(n / 2 - 1) + c.get(n / 2)) / 2, 1);
  }
}
