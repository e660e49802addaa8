package org.xeenet.worker.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run")
public final class RunCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    return 0;
  }
}
