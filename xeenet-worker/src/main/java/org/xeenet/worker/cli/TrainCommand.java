package org.xeenet.worker.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xeenet.api.TaskResult;
import org.xeenet.worker.trainer.TrainerJob;
import org.xeenet.worker.trainer.TrainerMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code train --config FILE.json}: runs the trainer in this JVM and prints its JSON lines. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train locally in this JVM (no server). Prints JSON lines on stdout: progress lines and one"
          + " final result line.",
      "Run with -Dai.djl.offline=true (the worker's child JVM always does)."
    })
public final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--config",
      required = true,
      description =
          "Job file: {\"config\":{n_layer,n_head,n_embd,block_size,batch_size,learning_rate,"
              + "dropout,weight_decay,...},\"dataset_path\":\"...\",\"time_budget\":60,"
              + "\"seeds\":[1337],\"task_id\":\"local\"}")
  Path config;

  @Option(names = "--dataset", description = "Dataset text file (overrides dataset_path).")
  Path dataset;

  @Option(names = "--time-budget", description = "Seconds (overrides time_budget).")
  Double timeBudget;

  @Override
  public Integer call() throws Exception {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    PrintStream json = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    TrainerJob job = TrainerMain.readJob(config);
    job =
        new TrainerJob(
            job.taskId() == null ? "local" : job.taskId(),
            job.campaignId(),
            job.config(),
            job.seeds(),
            timeBudget != null ? timeBudget : job.timeBudget(),
            dataset != null ? dataset.toString() : job.datasetPath());
    TaskResult result = TrainerMain.runWithShutdownHook(job, json);
    return TaskResult.COMPLETED.equals(result.status()) ? 0 : 1;
  }
}
