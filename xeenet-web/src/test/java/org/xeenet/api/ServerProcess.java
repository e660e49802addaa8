package org.xeenet.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A server started the way IT starts it: {@code ./xeenet server}, as a separate process. */
final class ServerProcess {
  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static Path root() {
    return Path.of(System.getProperty("xeenet.root")).toAbsolutePath().normalize();
  }

  /** CPU time the server's processes (the launcher and its JVM) consumed so far, in seconds. */
  double cpuSeconds() {
    return process
            .toHandle()
            .descendants()
            .mapToLong(
                h -> h.info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L))
            .sum()
        / 1000.0;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts {@code ./xeenet server} and returns once it printed its ready line. */
  static ServerProcess start(int port, Path dataDir, Map<String, String> environment)
      throws Exception {
    return start(port, dataDir, environment, 300);
  }

  /** As {@link #start(int, Path, Map)}, waiting up to {@code seconds} for the ready line. */
  static ServerProcess start(int port, Path dataDir, Map<String, String> environment, int seconds)
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("bash", root().resolve("xeenet").toString(), "server")
            .directory(root().toFile())
            .redirectErrorStream(true);
    builder.environment().put("XEENET_PORT", Integer.toString(port));
    builder.environment().put("XEENET_DATA_DIR", dataDir.toString());
    builder.environment().putAll(environment);
    Process process = builder.start();
    awaitLine(process, "ready", seconds);
    return new ServerProcess(process, port);
  }

  /** Starts a Derby Network Server with db-scripts and returns once it answers. */
  static Process startDerby(int port, Path home) throws Exception {
    Process derby =
        new ProcessBuilder(
                "bash",
                root().resolve("db-scripts/bin/derby-server").toString(),
                "start",
                "--port",
                Integer.toString(port),
                "--home",
                home.toString())
            .redirectErrorStream(true)
            .start();
    awaitLine(derby, "started", 120);
    return derby;
  }

  /** CPU time one process used so far, in seconds. */
  static double cpuOf(ProcessHandle handle) {
    return handle.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  /** Stops the server as Ctrl-C would. */
  void stop() throws InterruptedException {
    stop(process, false);
  }

  /** kill -9 of the server's JVM: no shutdown hook, no clean close of the database. */
  void crash() throws InterruptedException {
    stop(process, true);
  }

  static void stop(Process process, boolean forcibly) throws InterruptedException {
    process
        .toHandle()
        .descendants()
        .forEach(forcibly ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
    if (forcibly) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    for (int i = 0;
        i < 120 && process.toHandle().descendants().anyMatch(ProcessHandle::isAlive);
        i++) {
      Thread.sleep(250);
    }
  }

  private static void awaitLine(Process process, String marker, int seconds) throws Exception {
    CompletableFuture<String> seen =
        CompletableFuture.supplyAsync(
            () -> {
              BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
              StringBuilder log = new StringBuilder();
              try {
                String line;
                while ((line = out.readLine()) != null) {
                  log.append(line).append('\n');
                  if (line.contains(marker)) {
                    Thread drain =
                        new Thread(
                            () -> {
                              try {
                                while (out.readLine() != null) {
                                  // keep the pipe flowing
                                }
                              } catch (IOException ended) {
                                // the process ended
                              }
                            });
                    drain.setDaemon(true);
                    drain.start();
                    return line;
                  }
                }
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
              throw new IllegalStateException("process ended before '" + marker + "':\n" + log);
            });
    seen.get(seconds, TimeUnit.SECONDS);
  }
}
