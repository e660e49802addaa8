package org.xeenet.worker.lease;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.TaskResult;

class OutboxTest {
  static TaskResult result(String task) {
    return new TaskResult(
        task,
        2.5,
        1.7,
        100L,
        10.0,
        "cpu",
        TaskResult.COMPLETED,
        null,
        false,
        25600L,
        List.of(new CurvePoint(100L, 10.0, 1.7, 2.5)));
  }

  @Test
  void keepsResultsAcrossInstancesUntilRemoved(@TempDir Path dir) throws Exception {
    Outbox o = new Outbox(dir);
    assertThat(o.pending("http://a")).isEmpty();
    o.put("http://a", "L1", result("t1"));
    o.put("http://a", "L/2", result("t2"));
    o.put("http://b", "L3", result("t3"));
    Files.writeString(o.dir().resolve("garbage.json"), "{not json");

    Outbox again = new Outbox(dir); // e.g. after a worker restart
    List<Outbox.Entry> a = again.pending("http://a");
    assertThat(a).extracting(Outbox.Entry::leaseId).containsExactlyInAnyOrder("L1", "L/2");
    assertThat(a.get(0).result()).isIn(result("t1"), result("t2"));
    assertThat(again.pending("http://b")).hasSize(1);

    again.remove("http://a", "L1");
    assertThat(again.pending("http://a")).extracting(Outbox.Entry::leaseId).containsExactly("L/2");
    // replacing an entry keeps one file per lease
    again.put("http://a", "L/2", result("t2b"));
    assertThat(again.pending("http://a")).hasSize(1);
    assertThat(again.pending("http://a").get(0).result().taskId()).isEqualTo("t2b");
  }
}
