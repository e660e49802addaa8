package org.xeenet.worker.lease;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xeenet.worker.trainer.TrainerEvents;

/**
 * Training progress on stderr: a progress bar over the time budget (step, loss, time left) when
 * stderr is a terminal, else one log line every 30 s.
 */
public final class ConsoleProgress implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleProgress.class);

  private final ProgressBar bar;
  private final String label;
  private final double budget;
  private double lastLog = -1;

  public ConsoleProgress(String label, double budgetSeconds, boolean enabled) {
    this.label = label;
    this.budget = budgetSeconds;
    boolean tty = System.console() != null;
    this.bar =
        enabled && tty
            ? new ProgressBarBuilder()
                .setTaskName("train " + label)
                .setInitialMax(Math.max(1, Math.round(budgetSeconds)))
                .setUnit("s", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed()
                .build()
            : null;
  }

  public void update(TrainerEvents.Progress p) {
    String msg =
        String.format(
            "step %d loss %s %s tok/s left %.0fs",
            p.step(),
            p.trainLoss() == null ? "-" : String.format("%.3f", p.trainLoss()),
            p.tokensPerS() == null ? "-" : String.format("%.0f", p.tokensPerS()),
            Math.max(0, budget - p.elapsedS()));
    if (bar != null) {
      bar.stepTo(Math.min(bar.getMax(), Math.round(p.elapsedS())));
      bar.setExtraMessage(msg);
    } else if (lastLog < 0 || p.elapsedS() - lastLog >= 30) {
      lastLog = p.elapsedS();
      LOG.info("[{}] {}", label, msg);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
