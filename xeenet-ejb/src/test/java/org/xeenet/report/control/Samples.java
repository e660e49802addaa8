package org.xeenet.report.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xeenet.api.CampaignView;
import org.xeenet.api.TaskView;

/** A small campaign for the report and assistant tests: depth matters, width barely. */
public final class Samples {
  private Samples() {}

  public static CampaignView campaign(Map<String, Long> counts) {
    return new CampaignView(
        "c1",
        "Depth vs width",
        "Does depth or width matter more?",
        "RUNNING",
        null,
        "char-lm",
        "tinyshakespeare",
        "random",
        12,
        120,
        Instant.parse("2026-01-01T00:00:00Z"),
        null,
        counts,
        null,
        12.5,
        0,
        null,
        "time",
        120L,
        100.0,
        80.0,
        60.0);
  }

  public static TaskView task(
      int index, String status, int layers, int width, double lr, Double bpb, boolean simulated) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("n_layer", layers);
    config.put("n_embd", width);
    config.put("n_head", 2);
    config.put("learning_rate", lr);
    return new TaskView(
        "t" + index,
        "c1",
        index,
        status,
        config,
        1000 + index,
        120,
        1,
        bpb == null ? null : "w-" + (index % 2),
        null,
        bpb,
        bpb == null ? null : bpb * 0.69,
        bpb == null ? null : 400L,
        bpb == null ? null : 118.5,
        bpb == null ? null : "cpu",
        bpb == null ? null : 50_000L,
        simulated,
        status.equals("FAILED") ? "out of memory" : null,
        null);
  }

  /** 10 valid results (val_bpb falls with depth), 1 simulated, 1 failed, 1 queued. */
  public static CampaignFacts facts() {
    List<TaskView> tasks = new ArrayList<>();
    int i = 0;
    for (int layers = 1; layers <= 4; layers++) {
      for (int width : new int[] {32, 64}) {
        if (i >= 8) {
          break;
        }
        tasks.add(
            task(i++, "VALID", layers, width, 1e-3, 3.0 - 0.3 * layers - width / 6400.0, false));
      }
    }
    tasks.add(task(i++, "VALID", 1, 128, 3e-3, 2.95, false));
    tasks.add(task(i++, "VALID", 4, 128, 3e-4, 1.85, false));
    tasks.add(task(i++, "VALID", 4, 128, 3e-4, 0.5, true));
    tasks.add(task(i++, "FAILED", 2, 64, 1e-3, null, false));
    tasks.add(task(i, "QUEUED", 3, 64, 1e-3, null, false));
    Map<String, Long> counts = Map.of("VALID", 11L, "FAILED", 1L, "QUEUED", 1L);
    return CampaignFacts.of(campaign(counts), tasks, null);
  }
}
