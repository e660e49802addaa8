package org.xeenet.worker.lease;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The volunteer's say over when tasks are taken: a pause file ({@code xeenet-worker pause} / {@code
 * resume} from another terminal), a time window ({@code --schedule}) and "only when idle" ({@code
 * --when-idle}: the 1-minute load average per core below a threshold). Checked between tasks; a
 * running task finishes (Ctrl-C stops it now).
 */
public final class VolunteerControls implements Supplier<String> {
  public static final String PAUSE_FILE = "paused";

  private final Path configDir;
  private final Schedule schedule;
  private final Double idleLoadPerCore;
  private final Supplier<LocalTime> clock;
  private final DoubleSupplier loadPerCore;

  public VolunteerControls(Path configDir, Schedule schedule, Double idleLoadPerCore) {
    this(configDir, schedule, idleLoadPerCore, LocalTime::now, VolunteerControls::systemLoad);
  }

  public VolunteerControls(
      Path configDir,
      Schedule schedule,
      Double idleLoadPerCore,
      Supplier<LocalTime> clock,
      DoubleSupplier loadPerCore) {
    this.configDir = configDir;
    this.schedule = schedule;
    this.idleLoadPerCore = idleLoadPerCore;
    this.clock = clock;
    this.loadPerCore = loadPerCore;
  }

  public static Path pauseFile(Path configDir) {
    return configDir.resolve(PAUSE_FILE);
  }

  /** Why leasing is held back now, or null. */
  @Override
  public String get() {
    if (Files.exists(pauseFile(configDir))) {
      return "paused (xeenet-worker resume to continue)";
    }
    if (schedule != null && !schedule.allows(clock.get())) {
      return "outside the schedule " + schedule;
    }
    if (idleLoadPerCore != null) {
      double l = loadPerCore.getAsDouble();
      if (l >= idleLoadPerCore) {
        return String.format("machine busy (load %.2f per core)", l);
      }
    }
    return null;
  }

  static double systemLoad() {
    double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return l < 0 ? 0 : l / Runtime.getRuntime().availableProcessors();
  }
}
