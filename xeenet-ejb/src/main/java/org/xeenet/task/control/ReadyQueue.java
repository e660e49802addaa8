package org.xeenet.task.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.xeenet.api.ResourceProfile;
import org.xeenet.task.control.FairShare.CampaignCandidate;

/**
 * One server instance's in-memory ready queue (BOINC's feeder cache): the QUEUED tasks this
 * instance claimed in the database, per running campaign and code package, in index order. A worker
 * is offered only tasks of code packages it declared, of campaigns whose hardware requirement it
 * meets, in {@link FairShare} order. Taking a task from here is not leasing it: the lease is only
 * made by the database's compare-and-set on the task, which refuses a task that is no longer QUEUED
 * and claimed by this instance.
 *
 * <p>Thread-safe; no operation here waits for the database.
 */
public final class ReadyQueue {
  /** A running campaign as the feeder last read it. */
  public record CampaignInfo(
      String id,
      String ownerId,
      int priority,
      Instant createdAt,
      HardwareRequirement requirement,
      String datasetName,
      String datasetSha256,
      long datasetSizeBytes) {}

  /** A claimed task, with what a lease needs to answer. */
  public record ReadyTask(
      String id,
      String campaignId,
      int index,
      String configJson,
      long seed,
      int timeBudget,
      String codePackage,
      int attempts) {}

  private static final class Slot {
    volatile CampaignInfo info;
    final Map<String, ConcurrentLinkedDeque<ReadyTask>> byPackage = new ConcurrentHashMap<>();
    final AtomicLong taken = new AtomicLong();

    Slot(CampaignInfo info) {
      this.info = info;
    }

    int size() {
      int n = 0;
      for (ConcurrentLinkedDeque<ReadyTask> tasks : byPackage.values()) {
        n += tasks.size();
      }
      return n;
    }
  }

  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final Set<String> held = ConcurrentHashMap.newKeySet();

  /**
   * The running campaigns now; answers the ids of campaigns that stopped running, whose tasks were
   * dropped from memory (their claims are to be released).
   */
  public List<String> runningCampaigns(Collection<CampaignInfo> running) {
    Map<String, CampaignInfo> now = new ConcurrentHashMap<>();
    running.forEach(c -> now.put(c.id(), c));
    List<String> stopped = new ArrayList<>();
    for (String id : List.copyOf(slots.keySet())) {
      if (!now.containsKey(id)) {
        drop(id);
        stopped.add(id);
      }
    }
    for (CampaignInfo info : running) {
      slots.compute(
          info.id(),
          (id, slot) -> {
            if (slot == null) {
              return new Slot(info);
            }
            slot.info = info;
            return slot;
          });
    }
    return stopped;
  }

  /** Drops a campaign's tasks from memory (it was paused or cancelled). */
  public void drop(String campaignId) {
    Slot slot = slots.remove(campaignId);
    if (slot != null) {
      slot.byPackage.values().forEach(tasks -> tasks.forEach(t -> held.remove(t.id())));
    }
  }

  /** Adds claimed tasks at the end of their campaign's queue; tasks already held are skipped. */
  public int add(String campaignId, List<ReadyTask> tasks) {
    Slot slot = slots.get(campaignId);
    if (slot == null) {
      return 0;
    }
    int added = 0;
    for (ReadyTask task : tasks) {
      if (held.add(task.id())) {
        slot.byPackage
            .computeIfAbsent(task.codePackage(), p -> new ConcurrentLinkedDeque<>())
            .addLast(task);
        added++;
      }
    }
    return added;
  }

  /** Puts a task back at the front of its queue (its lease was not written). */
  public void putBack(ReadyTask task) {
    Slot slot = slots.get(task.campaignId());
    if (slot != null && held.add(task.id())) {
      slot.byPackage
          .computeIfAbsent(task.codePackage(), p -> new ConcurrentLinkedDeque<>())
          .addFirst(task);
    }
  }

  /** The next task for a worker with this profile and these code packages, taken out of memory. */
  public Optional<ReadyTask> take(
      ResourceProfile profile, List<String> packages, Map<String, Double> recentUsage) {
    List<CampaignCandidate> candidates = new ArrayList<>();
    for (Slot slot : slots.values()) {
      CampaignInfo info = slot.info;
      if (info.requirement().isMetBy(profile) && hasWork(slot, packages)) {
        candidates.add(
            new CampaignCandidate(info.id(), info.ownerId(), info.priority(), info.createdAt()));
      }
    }
    List<CampaignCandidate> ordered =
        candidates.size() > 1 ? FairShare.order(candidates, recentUsage) : candidates;
    for (CampaignCandidate candidate : ordered) {
      Slot slot = slots.get(candidate.campaignId());
      if (slot == null) {
        continue;
      }
      for (String pkg : packages) {
        ConcurrentLinkedDeque<ReadyTask> tasks = slot.byPackage.get(pkg);
        ReadyTask task = tasks == null ? null : tasks.pollFirst();
        if (task != null) {
          held.remove(task.id());
          slot.taken.incrementAndGet();
          return Optional.of(task);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasWork(Slot slot, List<String> packages) {
    for (String pkg : packages) {
      ConcurrentLinkedDeque<ReadyTask> tasks = slot.byPackage.get(pkg);
      if (tasks != null && !tasks.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  public Optional<CampaignInfo> campaign(String campaignId) {
    Slot slot = slots.get(campaignId);
    return slot == null ? Optional.empty() : Optional.of(slot.info);
  }

  /** The running campaigns known, with how many of their tasks are in memory. */
  public Map<String, Integer> sizes() {
    Map<String, Integer> sizes = new ConcurrentHashMap<>();
    slots.forEach((id, slot) -> sizes.put(id, slot.size()));
    return sizes;
  }

  /** Tasks taken from a campaign since the last call (the feeder's demand estimate). */
  public long takenSinceLastAsked(String campaignId) {
    Slot slot = slots.get(campaignId);
    return slot == null ? 0 : slot.taken.getAndSet(0);
  }

  /** The distinct owners of the campaigns in memory. */
  public long owners() {
    return slots.values().stream().map(s -> s.info.ownerId()).distinct().count();
  }

  public int held() {
    return held.size();
  }
}
