package org.xeenet.worker.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.xeenet.api.WorkerCredentials;
import org.xeenet.api.WorkerRegistration;
import org.xeenet.worker.client.ApiException;
import org.xeenet.worker.client.CredentialStore;
import org.xeenet.worker.client.XeeNetClient;
import org.xeenet.worker.device.DeviceProfiler;
import org.xeenet.worker.device.NativesProbe;
import org.xeenet.worker.trainer.ChildJvm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pair CODE --server URL}: links this worker to the volunteer account whose portal showed
 * the one-time code, so that the credits it earns count for them. Registers the worker first (as
 * {@code run} would, with the same stored credentials) when it has not yet.
 */
@Command(
    name = "pair",
    mixinStandardHelpOptions = true,
    description = "Pair this worker with your volunteer account using the code the portal shows.")
public final class PairCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CODE", description = "The code, e.g. ABCD-EFGH.")
  String code;

  @Option(names = "--server", required = true, description = "Server base URL.")
  String server;

  @Option(names = "--config-dir", description = "As for run.")
  Path configDir;

  @Option(names = "--name", description = "Worker name if it registers now (default: host name).")
  String name;

  @Override
  public Integer call() throws Exception {
    CredentialStore store =
        new CredentialStore(CredentialStore.resolveConfigDir(configDir, System.getenv()));
    try (XeeNetClient client = new XeeNetClient(server)) {
      WorkerCredentials creds = store.load(client.server());
      if (creds == null) {
        creds = client.register(registration());
        store.save(client.server(), creds);
        System.out.println("registered as worker " + creds.workerId());
      }
      try {
        String volunteer = client.pair(creds, code);
        System.out.println("paired worker " + creds.workerId() + " with volunteer " + volunteer);
        return 0;
      } catch (ApiException e) {
        System.err.println(
            switch (e.status()) {
              case 404 -> "unknown code: check it, or show a new one in the portal";
              case 410 -> "this code was used or has expired: show a new one in the portal";
              case 400 -> "this is not a pairing code (8 characters, e.g. ABCD-EFGH)";
              default -> "pairing failed: " + e.getMessage();
            });
        return 2;
      }
    }
  }

  private WorkerRegistration registration() throws Exception {
    NativesProbe.Outcome natives = NativesProbe.probe(ChildJvm.fromCodeSource(1));
    String worker = name != null ? name : InetAddress.getLocalHost().getHostName();
    return new WorkerRegistration(
        worker,
        DeviceProfiler.profile(DeviceProfiler.queryNvidiaSmi(), null),
        DeviceProfiler.capability(natives));
  }
}
