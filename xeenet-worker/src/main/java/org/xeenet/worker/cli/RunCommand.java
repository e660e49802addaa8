package org.xeenet.worker.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xeenet.api.ResourceProfile;
import org.xeenet.api.TrainingCapability;
import org.xeenet.api.WorkerRegistration;
import org.xeenet.worker.client.Backoff;
import org.xeenet.worker.client.CredentialStore;
import org.xeenet.worker.client.XeeNetClient;
import org.xeenet.worker.dataset.DatasetCache;
import org.xeenet.worker.device.DeviceProfiler;
import org.xeenet.worker.device.GpuChoice;
import org.xeenet.worker.device.MklCpuShim;
import org.xeenet.worker.device.NativesCache;
import org.xeenet.worker.device.NativesProbe;
import org.xeenet.worker.device.StartupBenchmarkProbe;
import org.xeenet.worker.lease.LeaseLoop;
import org.xeenet.worker.lease.Schedule;
import org.xeenet.worker.lease.VolunteerControls;
import org.xeenet.worker.lease.WorkerStatus;
import org.xeenet.worker.trainer.ChildJvm;
import org.xeenet.worker.trainer.TrainerDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run --server URL}: register, then lease, train and submit until done or Ctrl-C. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Work for a XeeNet server: register once, then lease tasks, train, submit.")
public final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Option(
      names = "--server",
      required = true,
      description = "Server base URL, e.g. http://127.0.0.1:8080")
  String server;

  @Option(
      names = "--max-tasks",
      description = "Exit 0 after this many results were submitted (default: run until Ctrl-C).")
  Integer maxTasks;

  @Option(
      names = "--threads",
      description = "libtorch threads for training (default: all cores = ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--name", description = "Worker name shown by the server (default: host name).")
  String name;

  @Option(
      names = "--config-dir",
      description =
          "Where worker.json (credentials) lives (default: $XEENET_WORKER_CONFIG_DIR or ~/.config/xeenet).")
  Path configDir;

  @Option(
      names = "--work-dir",
      description = "Dataset cache and job files (default: ~/.cache/xeenet).")
  Path workDir;

  @Option(
      names = "--poll-interval",
      description = "Longest wait between lease polls, seconds (default: ${DEFAULT-VALUE}).")
  double pollInterval = 5;

  @Option(
      names = "--simulate",
      description =
          "Only if libtorch cannot load: submit clearly flagged simulated results (simulated=true).")
  boolean simulate;

  @Option(
      names = "--no-checks",
      description =
          "Do not run the server's checks of other workers' results (verify: recompute val_bpb of"
              + " a checkpoint; replicate: train the same config again). Checks are offered before"
              + " training tasks and count as tasks for --max-tasks.")
  boolean noChecks;

  @Option(names = "--no-progress", description = "No progress bar (log lines instead).")
  boolean noProgress;

  @Option(
      names = "--max-heap",
      description = "Heap of the trainer child JVM (default: ${DEFAULT-VALUE}).")
  String maxHeap = ChildJvm.DEFAULT_MAX_HEAP;

  @Option(
      names = "--gpu",
      negatable = true,
      description =
          "--gpu: train on cuda:0 and stop with an explanation if libtorch sees no GPU;"
              + " --no-gpu: always the CPU. Default: cuda:0 when libtorch sees a GPU, else the"
              + " CPU.")
  Boolean gpu;

  @Option(
      names = "--max-ram",
      description =
          "Most memory the trainer may use, e.g. 2g or 1500m: its heap is capped and it is stopped"
              + " (task failed) if its resident memory goes above.")
  String maxRam;

  @Option(
      names = "--schedule",
      description = "Take tasks only in this local time window, e.g. 22:00-07:00.")
  String schedule;

  @Option(
      names = "--when-idle",
      arity = "0..1",
      fallbackValue = "0.5",
      description =
          "Take tasks only when the machine is idle: 1-minute load per core below this"
              + " (default when given: ${FALLBACK-VALUE}).")
  Double whenIdle;

  @Option(
      names = "--benchmark-seconds",
      description =
          "Length of the start-up benchmark sent with the registration (0: none). Default:"
              + " ${DEFAULT-VALUE}.")
  double benchmarkSeconds = 5;

  @Option(
      names = "--no-mkl-shim",
      description =
          "Do not preload the MKL CPU shim into the trainer on non-Intel x86-64 Linux CPUs"
              + " (it makes libtorch's MKL use the CPU's AVX2/AVX-512 kernels).")
  boolean noMklShim;

  @Option(
      names = "--grace-seconds",
      hidden = true,
      description = "Override the hard-deadline grace (tests).")
  Double graceSeconds;

  @Override
  public Integer call() throws Exception {
    Path cfgDir = CredentialStore.resolveConfigDir(configDir, System.getenv());
    Path work =
        workDir != null ? workDir : Path.of(System.getProperty("user.home"), ".cache", "xeenet");
    int t = Math.max(1, threads);
    Schedule sched = schedule == null ? null : Schedule.parse(schedule);
    Long maxRamBytes = maxRam == null ? null : parseSize(maxRam);
    String heap = maxHeap;
    if (maxRamBytes != null) {
      // the heap is a small part of a trainer's memory (libtorch's tensors live outside it)
      long heapMb = Math.max(128, Math.min(parseSize(maxHeap), maxRamBytes / 4) >> 20);
      heap = heapMb + "m";
    }
    Path djlCache = NativesCache.dir(work);
    for (Path p : NativesCache.cleanStale(djlCache, Instant.now(), NativesCache.STALE_AFTER)) {
      LOG.info("removed a stale libtorch unpack directory {}", p);
    }
    ChildJvm base = ChildJvm.fromCodeSource(t);
    ChildJvm jvm =
        MklCpuShim.maybePreload(
            new ChildJvm(base.javaExecutable(), base.classpath(), heap, t)
                .withEnv("DJL_CACHE_DIR", djlCache.toString())
                .withJvmArgs(
                    "-D"
                        + TrainerDevice.PROPERTY
                        + "="
                        + (Boolean.FALSE.equals(gpu) ? "cpu" : "auto")),
            work,
            !noMklShim,
            LOG::info);

    NativesProbe.Outcome natives = NativesProbe.probe(jvm.withThreads(1));
    if (natives.ok() && jvm.env().getOrDefault("LD_PRELOAD", "").contains("xeenet_mkl_cpu")) {
      LOG.info("trainer child: MKL CPU shim {}", natives.mklShim() ? "active" : "NOT loaded");
    }
    if (!natives.ok()) {
      if (!simulate) {
        System.err.println("libtorch could not be loaded: " + natives.error());
        System.err.println(
            "(run with --simulate to submit clearly flagged simulated results instead)");
        return 3;
      }
      LOG.warn(
          "libtorch could not be loaded ({}): SIMULATION MODE, results flagged simulated=true",
          natives.error());
    } else if (simulate) {
      LOG.warn("--simulate given but libtorch loads: training for real (simulated=false)");
    }
    GpuChoice.Decision device =
        GpuChoice.decide(gpu, natives, System.getenv("PYTORCH_LIBRARY_PATH"));
    if (device.stop()) {
      System.err.println(device.message());
      return 4;
    }
    if (device.message() != null) {
      LOG.warn(device.message());
    }
    if (natives.ok()) {
      LOG.info(
          "libtorch {} from {}: {}",
          natives.engineVersion(),
          natives.libtorchDir(),
          device.useGpu() && natives.gpuCount() > 0 ? "training on cuda:0" : "training on the CPU");
    }
    NativesProbe.Outcome used =
        device.useGpu()
            ? natives
            : new NativesProbe.Outcome(natives.ok(), natives.engineVersion(), 0, natives.error());
    TrainingCapability probed = DeviceProfiler.capability(used);
    // checks need the real trainer: a simulating worker never runs them
    TrainingCapability cap =
        new TrainingCapability(
            probed.runtime(),
            probed.engine(),
            probed.engineVersion(),
            probed.hasNatives(),
            probed.hasCuda(),
            probed.codePackages(),
            natives.ok() && !noChecks
                ? List.of(org.xeenet.api.TaskSpec.VERIFY, org.xeenet.api.TaskSpec.REPLICATE)
                : null);
    String workerName = name != null ? name : hostName();
    // measured lazily: only a (re-)registration sends it
    Supplier<WorkerRegistration> reg =
        memoize(
            () -> {
              Double tps = null;
              if (natives.ok() && benchmarkSeconds > 0) {
                LOG.info("measuring this machine ({} s benchmark)", benchmarkSeconds);
                tps = StartupBenchmarkProbe.measure(jvm, benchmarkSeconds);
                LOG.info("benchmark: {} tokens/s", tps);
              }
              ResourceProfile profile =
                  DeviceProfiler.profile(DeviceProfiler.queryNvidiaSmi(), tps);
              LOG.info(
                  "{} cores, {} GB RAM, gpu {}, libtorch {}",
                  profile.cpuCores(),
                  profile.ramGb(),
                  profile.gpuName(),
                  natives.engineVersion());
              return new WorkerRegistration(workerName, profile, cap);
            });

    try (XeeNetClient client = new XeeNetClient(server)) {
      LeaseLoop loop =
          new LeaseLoop(
                  new LeaseLoop.Settings(
                      maxTasks,
                      pollInterval,
                      simulate,
                      natives.ok(),
                      !noProgress,
                      graceSeconds,
                      work),
                  client,
                  new CredentialStore(cfgDir),
                  new DatasetCache(work),
                  jvm,
                  reg,
                  Backoff.DEFAULT)
              .withGate(new VolunteerControls(cfgDir, sched, whenIdle))
              .withStatus(new WorkerStatus(cfgDir, client.server()))
              .withMaxRss(maxRamBytes);
      Thread hook = new Thread(() -> loop.shutdown(45_000), "worker-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      new InterruptHandler(
              loop::requestStop,
              () -> {
                loop.abandon();
                try {
                  loop.awaitFinished(5000);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                System.exit(130);
              })
          .install();
      int code = loop.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutdown already in progress
      }
      return code;
    }
  }

  /** {@code 2g}, {@code 1500m}, {@code 512k} or bytes. */
  static long parseSize(String s) {
    String v = s.trim().toLowerCase(java.util.Locale.ROOT);
    long mult = 1;
    char last = v.charAt(v.length() - 1);
    if (last == 'g' || last == 'm' || last == 'k') {
      mult = last == 'g' ? 1L << 30 : last == 'm' ? 1L << 20 : 1L << 10;
      v = v.substring(0, v.length() - 1);
    }
    return (long) (Double.parseDouble(v) * mult);
  }

  static <T> Supplier<T> memoize(Supplier<T> s) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = s.get();
        }
        return value;
      }
    };
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "xeenet-worker";
    }
  }
}
