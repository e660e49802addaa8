package org.xeenet.task.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.xeenet.api.ResourceProfile;
import org.xeenet.task.control.ReadyQueue.CampaignInfo;
import org.xeenet.task.control.ReadyQueue.ReadyTask;

class ReadyQueueTest {
  private static final String CHAR_LM = "builtin:char-lm/1";
  private static final ResourceProfile CPU =
      new ResourceProfile(2, 8.0, null, null, "Linux", "amd64", null);
  private static final ResourceProfile GPU =
      new ResourceProfile(8, 32.0, "A100", 80.0, "Linux", "amd64", null);
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  private static CampaignInfo campaign(String id, String owner, int priority, int minute) {
    return campaign(id, owner, priority, minute, HardwareRequirement.NONE);
  }

  private static CampaignInfo campaign(
      String id, String owner, int priority, int minute, HardwareRequirement needs) {
    return new CampaignInfo(
        id, owner, priority, T0.plusSeconds(60L * minute), needs, "tiny", "abc", 10);
  }

  private static List<ReadyTask> tasks(String campaignId, int from, int count, String pkg) {
    List<ReadyTask> tasks = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      tasks.add(new ReadyTask(campaignId + "-" + i, campaignId, i, "{}", i, 60, pkg, 0));
    }
    return tasks;
  }

  @Test
  void tasksComeInIndexOrderAndOnlyOnce() {
    ReadyQueue ready = new ReadyQueue();
    ready.runningCampaigns(List.of(campaign("a", "alice", 0, 0)));
    assertThat(ready.add("a", tasks("a", 0, 3, CHAR_LM))).isEqualTo(3);
    assertThat(ready.add("a", tasks("a", 0, 4, CHAR_LM))).isEqualTo(1);
    List<String> taken = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ready.take(CPU, List.of(CHAR_LM), Map.of()).ifPresent(t -> taken.add(t.id()));
    }
    assertThat(taken).containsExactly("a-0", "a-1", "a-2", "a-3");
    assertThat(ready.takenSinceLastAsked("a")).isEqualTo(4);
    assertThat(ready.takenSinceLastAsked("a")).isZero();
  }

  @Test
  void aWorkerGetsOnlyTasksItsHardwareAndCodePackagesCanRun() {
    ReadyQueue ready = new ReadyQueue();
    HardwareRequirement bigGpu = new HardwareRequirement(null, null, true, 40.0);
    ready.runningCampaigns(
        List.of(campaign("gpu", "alice", 0, 0, bigGpu), campaign("other", "bob", 0, 1)));
    ready.add("gpu", tasks("gpu", 0, 1, CHAR_LM));
    ready.add("other", tasks("other", 0, 1, "python:other/1"));
    assertThat(ready.take(CPU, List.of(CHAR_LM), Map.of())).isEmpty();
    assertThat(ready.take(GPU, List.of("python:x/1"), Map.of())).isEmpty();
    assertThat(ready.take(CPU, List.of("python:other/1"), Map.of()).orElseThrow().id())
        .isEqualTo("other-0");
    assertThat(ready.take(GPU, List.of(CHAR_LM), Map.of()).orElseThrow().id()).isEqualTo("gpu-0");
  }

  @Test
  void priorityFirstThenTheResearcherWhoUsedLeast() {
    ReadyQueue ready = new ReadyQueue();
    ready.runningCampaigns(
        List.of(
            campaign("alice-1", "alice", 0, 0),
            campaign("bob-1", "bob", 0, 1),
            campaign("bob-urgent", "bob", 10, 2)));
    ready.add("alice-1", tasks("alice-1", 0, 2, CHAR_LM));
    ready.add("bob-1", tasks("bob-1", 0, 2, CHAR_LM));
    ready.add("bob-urgent", tasks("bob-urgent", 0, 1, CHAR_LM));
    assertThat(ready.take(CPU, List.of(CHAR_LM), Map.of()).orElseThrow().campaignId())
        .isEqualTo("bob-urgent");
    Map<String, Double> usage = Map.of("alice", 120.0, "bob", 60.0);
    assertThat(ready.take(CPU, List.of(CHAR_LM), usage).orElseThrow().campaignId())
        .isEqualTo("bob-1");
    assertThat(ready.take(CPU, List.of(CHAR_LM), Map.of()).orElseThrow().campaignId())
        .isEqualTo("alice-1");
  }

  @Test
  void aStoppedCampaignIsDroppedAndAPutBackTaskComesFirst() {
    ReadyQueue ready = new ReadyQueue();
    ready.runningCampaigns(List.of(campaign("a", "alice", 0, 0), campaign("b", "bob", 0, 1)));
    ready.add("a", tasks("a", 0, 2, CHAR_LM));
    ready.add("b", tasks("b", 0, 2, CHAR_LM));
    assertThat(ready.runningCampaigns(List.of(campaign("b", "bob", 0, 1)))).containsExactly("a");
    assertThat(ready.held()).isEqualTo(2);
    ReadyTask first = ready.take(CPU, List.of(CHAR_LM), Map.of()).orElseThrow();
    assertThat(first.id()).isEqualTo("b-0");
    ready.putBack(first);
    assertThat(ready.take(CPU, List.of(CHAR_LM), Map.of()).orElseThrow().id()).isEqualTo("b-0");
    assertThat(ready.add("a", tasks("a", 5, 1, CHAR_LM))).isZero();
  }

  @Test
  void concurrentWorkersNeverTakeTheSameTask() throws Exception {
    ReadyQueue ready = new ReadyQueue();
    ready.runningCampaigns(List.of(campaign("a", "alice", 0, 0)));
    ready.add("a", tasks("a", 0, 10_000, CHAR_LM));
    Set<String> taken = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> counts = new ArrayList<>();
    for (int w = 0; w < 8; w++) {
      counts.add(
          pool.submit(
              () -> {
                int n = 0;
                while (true) {
                  var task = ready.take(CPU, List.of(CHAR_LM), Map.of());
                  if (task.isEmpty()) {
                    return n;
                  }
                  assertThat(taken.add(task.get().id())).isTrue();
                  n++;
                }
              }));
    }
    int total = 0;
    for (Future<Integer> count : counts) {
      total += count.get();
    }
    pool.shutdown();
    assertThat(total).isEqualTo(10_000);
    assertThat(new HashSet<>(taken)).hasSize(10_000);
  }
}
