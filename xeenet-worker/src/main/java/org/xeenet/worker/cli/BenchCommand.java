package org.xeenet.worker.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.xeenet.worker.bench.TrainBench;
import org.xeenet.worker.device.MklCpuShim;
import org.xeenet.worker.trainer.ChildJvm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench train}: trainer throughput, see {@link TrainBench}. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks (not needed to volunteer).",
    subcommands = {BenchCommand.Train.class})
public final class BenchCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** The trainer throughput benchmark. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Training tokens/s and model GFLOP/s of the fixed configs (tiny, small 4x128, medium"
            + " 6x256) on 1 and 2 threads, vs the PyTorch reference script; one JSON line per"
            + " configuration on stdout."
      })
  public static final class Train implements Callable<Integer> {
    private static final Path XEENET_CACHE =
        Path.of(System.getProperty("user.home"), ".cache", "xeenet");

    @Option(names = "--configs", split = ",", description = "Default: ${DEFAULT-VALUE}.")
    List<String> configs = List.of("tiny", "small", "medium");

    @Option(names = "--threads", split = ",", description = "Default: ${DEFAULT-VALUE}.")
    List<Integer> threads = List.of(1, 2);

    @Option(names = "--repeats", description = "Runs per measurement (median). Default: 3.")
    int repeats = 3;

    @Option(names = "--seconds", description = "Seconds per run. Default: ${DEFAULT-VALUE}.")
    double seconds = 8;

    @Option(names = "--dataset", description = "Default: ${DEFAULT-VALUE}.")
    Path dataset = Path.of("datasets/tinyshakespeare.txt");

    @Option(
        names = "--reference",
        description = "PyTorch reference script (skipped when absent). Default: ${DEFAULT-VALUE}.")
    Path reference = Path.of("bench/torch_ref.py");

    @Option(names = "--no-reference", description = "Do not run the PyTorch reference.")
    boolean noReference;

    @Option(names = "--python", description = "Default: ${DEFAULT-VALUE}.")
    String python = "/usr/bin/python3";

    @Option(
        names = "--bf16",
        description =
            "Also time DJL training with bf16 matmuls (fp32 model; matmul inputs rounded to bf16,"
                + " fp32 accumulation, oneDNN) and the bf16 matmul peak.")
    boolean bf16;

    @Option(
        names = "--rss-steps",
        description = "Also train the tiny config this many steps and sample RSS (0 = skip).")
    long rssSteps = 0;

    @Option(
        names = "--nominal-peak",
        description =
            "Nominal fp32 peak of 2 cores, GFLOP/s (issue 4: 2 x 2.6 GHz x 64). Default:"
                + " ${DEFAULT-VALUE}.")
    double nominalPeak = 332.8;

    @Option(
        names = "--child-env",
        description = "Extra environment of the DJL child JVMs, KEY=VALUE (repeatable).")
    Map<String, String> childEnv = new LinkedHashMap<>();

    @Option(
        names = "--no-mkl-shim",
        description = "DJL children without the MKL CPU shim (compare with and without it).")
    boolean noMklShim;

    @Option(names = "--rss-only", description = "Only the RSS check (with --rss-steps).")
    boolean rssOnly;

    @Option(names = "--work-dir", description = "Job files. Default: ${DEFAULT-VALUE}.")
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "xeenet-bench");

    @Override
    public Integer call() throws Exception {
      Path ref = noReference || !Files.isRegularFile(reference) ? null : reference;
      if (ref == null && !noReference) {
        System.err.println("[bench] no reference script at " + reference + ": DJL only");
      }
      TrainBench.Settings s =
          new TrainBench.Settings(
              configs,
              threads,
              Math.max(1, repeats),
              seconds,
              dataset,
              ref,
              python,
              bf16,
              rssSteps,
              nominalPeak,
              childEnv,
              rssOnly,
              bf16 ? MklCpuShim.installBf32(XEENET_CACHE).orElse(null) : null);
      ChildJvm base =
          MklCpuShim.maybePreload(
              ChildJvm.fromCodeSource(1),
              XEENET_CACHE,
              !noMklShim,
              m -> System.err.println("[bench] " + m));
      new TrainBench(s, base, System.out, workDir).run();
      return 0;
    }
  }
}
