package org.xeenet.worker.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The picocli entry point of {@code xeenet-worker.jar}. */
@Command(
    name = "xeenet-worker",
    mixinStandardHelpOptions = true,
    version = "xeenet-worker 0.1.0",
    description =
        "XeeNet volunteer worker: leases training tasks from a XeeNet server and runs them.",
    subcommands = {
      RunCommand.class,
      TrainCommand.class,
      ProbeCommand.class,
      StatusCommand.class,
      PauseCommand.Pause.class,
      PauseCommand.Resume.class,
      BenchCommand.class,
      PairCommand.class
    })
public final class WorkerMain implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new WorkerMain()).execute(args));
  }
}
