package org.xeenet.worker.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
import org.xeenet.worker.device.NativesProbe;
import org.xeenet.worker.lease.LeaseLoop;
import org.xeenet.worker.trainer.ChildJvm;
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

  @Option(names = "--no-progress", description = "No progress bar (log lines instead).")
  boolean noProgress;

  @Option(
      names = "--max-heap",
      description = "Heap of the trainer child JVM (default: ${DEFAULT-VALUE}).")
  String maxHeap = ChildJvm.DEFAULT_MAX_HEAP;

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
    ChildJvm base = ChildJvm.fromCodeSource(t);
    ChildJvm jvm = new ChildJvm(base.javaExecutable(), base.classpath(), maxHeap, t);

    ResourceProfile profile = DeviceProfiler.profile();
    NativesProbe.Outcome natives = NativesProbe.probe(jvm.withThreads(1));
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
    } else {
      LOG.info(
          "libtorch {} loads; {} cores, {} GB RAM, gpu {}",
          natives.engineVersion(),
          profile.cpuCores(),
          profile.ramGb(),
          profile.gpuName());
    }
    TrainingCapability cap = DeviceProfiler.capability(natives);
    String workerName = name != null ? name : hostName();
    WorkerRegistration reg = new WorkerRegistration(workerName, profile, cap);

    try (XeeNetClient client = new XeeNetClient(server)) {
      LeaseLoop loop =
          new LeaseLoop(
              new LeaseLoop.Settings(
                  maxTasks, pollInterval, simulate, natives.ok(), !noProgress, graceSeconds, work),
              client,
              new CredentialStore(cfgDir),
              new DatasetCache(work),
              jvm,
              () -> reg,
              Backoff.DEFAULT);
      Thread hook = new Thread(() -> loop.shutdown(45_000), "worker-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      int code = loop.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutdown already in progress
      }
      return code;
    }
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "xeenet-worker";
    }
  }
}
