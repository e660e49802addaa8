package org.xeenet.worker.cli;

import java.util.concurrent.Callable;
import org.xeenet.api.ResourceProfile;
import org.xeenet.api.TrainingCapability;
import org.xeenet.worker.device.DeviceProfiler;
import org.xeenet.worker.device.NativesProbe;
import org.xeenet.worker.trainer.ChildJvm;
import org.xeenet.worker.trainer.TrainerEvents;
import picocli.CommandLine.Command;

/** {@code probe}: prints this machine's ResourceProfile and TrainingCapability as JSON. */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    description = "Print the device profile and whether libtorch loads (in a child JVM), as JSON.")
public final class ProbeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    ResourceProfile profile = DeviceProfiler.profile();
    NativesProbe.Outcome natives = NativesProbe.probe(ChildJvm.fromCodeSource(1));
    TrainingCapability cap = DeviceProfiler.capability(natives);
    System.out.println(TrainerEvents.jsonb().toJson(profile));
    System.out.println(TrainerEvents.jsonb().toJson(cap));
    if (!natives.ok()) {
      System.err.println("libtorch could not be loaded: " + natives.error());
      return 3;
    }
    return 0;
  }
}
