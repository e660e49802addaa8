package org.xeenet.task.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xeenet.api.DatasetRef;
import org.xeenet.api.LeaseGrant;
import org.xeenet.api.ResourceProfile;
import org.xeenet.api.ResultAck;
import org.xeenet.api.TaskResult;
import org.xeenet.api.TaskSpec;
import org.xeenet.task.boundary.QueueStore.LeaseOutcome;
import org.xeenet.task.boundary.QueueStore.LeaseWrite;
import org.xeenet.task.boundary.TaskQueue.Settled;
import org.xeenet.task.boundary.TaskQueue.Submission;
import org.xeenet.task.control.GroupCommit;
import org.xeenet.task.control.LeasePolicy;
import org.xeenet.task.control.QueueChanges;
import org.xeenet.task.control.ReadyQueue;
import org.xeenet.task.control.ReadyQueue.CampaignInfo;
import org.xeenet.task.control.ReadyQueue.ReadyTask;

/**
 * The queue's fast path, BOINC's feeder and scheduler in one instance:
 *
 * <ul>
 *   <li>a feeder keeps an in-memory {@link ReadyQueue} of QUEUED tasks that this instance claimed
 *       in the database (a claim expires after {@code xeenet.queue.claim-seconds}, so the claims of
 *       an instance that died free themselves; on embedded Derby no other instance can exist and
 *       all claims are released at start);
 *   <li>a lease takes a task from memory (fair share, hardware and code package matching there) and
 *       is written by a group-committing writer: many leases per transaction, each a
 *       compare-and-set of its task from QUEUED-claimed-by-this-instance to LEASED; the worker is
 *       answered only after the commit, so an answered lease is durable and no task is leased
 *       twice;
 *   <li>results are settled in groups too ({@link TaskQueue#settle}), each exactly as alone, the
 *       answer sent after the group's commit.
 * </ul>
 */
@Singleton
@Startup
@DependsOn("SchemaInstaller")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Dispatcher {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private static final long FEED_INTERVAL_MILLIS = 100;
  private static final int MIN_CLAIM = 16;
  private static final long WAIT_SECONDS = 60;

  @EJB QueueStore store;

  @EJB TaskQueue queue;

  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "xeenet.queue.claim-seconds", defaultValue = "30")
  int claimSeconds;

  @Inject
  @ConfigProperty(name = "xeenet.queue.max-claim", defaultValue = "2000")
  int maxClaim;

  @Inject
  @ConfigProperty(name = "xeenet.queue.lease-group", defaultValue = "500")
  int leaseGroup;

  @Inject
  @ConfigProperty(name = "xeenet.queue.result-group", defaultValue = "200")
  int resultGroup;

  @Inject
  @ConfigProperty(name = "xeenet.lease.budget-factor", defaultValue = "2.0")
  double budgetFactor;

  @Inject
  @ConfigProperty(name = "xeenet.lease.grace-seconds", defaultValue = "60")
  int graceSeconds;

  @Inject
  @ConfigProperty(name = "xeenet.lease.retry-after-seconds", defaultValue = "5")
  int retryAfterSeconds;

  @Inject
  @ConfigProperty(name = "xeenet.fair-share.window-seconds", defaultValue = "3600")
  long fairShareWindowSeconds;

  private final String node = UUID.randomUUID().toString();
  private final ReadyQueue ready = new ReadyQueue();
  private final ReentrantLock feeding = new ReentrantLock();
  private final Map<String, Double> rates = new ConcurrentHashMap<>();
  private volatile long lastFeedNanos;
  private volatile long fedVersion = -1;
  private volatile long lastFeedStartNanos = System.nanoTime() - 1_000_000_000L;
  private volatile Map<String, Double> usage = Map.of();
  private final Map<String, Double> usageSinceRead = new ConcurrentHashMap<>();
  private volatile long usageReadAt;
  private volatile boolean running = true;
  private LeasePolicy policy;
  private GroupCommit<LeaseWrite, LeaseOutcome> leases;
  private GroupCommit<Submission, Settled> results;
  private Thread[] started;

  @PostConstruct
  void start() {
    policy = new LeasePolicy(budgetFactor, graceSeconds, retryAfterSeconds);
    if (store.embedded()) {
      // no other instance can use an embedded database: claims left by a crash are void
      int released = store.release(null, null);
      if (released > 0) {
        LOG.info(() -> "released " + released + " claims left by the previous run");
      }
    }
    leases = new GroupCommit<>("lease writer", leaseGroup, store::writeLeases);
    results = new GroupCommit<>("result writer", resultGroup, queue::settle);
    started =
        new Thread[] {
          threads.newThread(leases::run),
          threads.newThread(results::run),
          threads.newThread(this::feedLoop)
        };
    for (Thread thread : started) {
      thread.setDaemon(true);
      thread.start();
    }
    LOG.info(() -> "queue dispatcher " + node + " started");
  }

  @PreDestroy
  void stop() {
    running = false;
    leases.stop();
    results.stop();
    for (Thread thread : started) {
      thread.interrupt();
    }
    for (Thread thread : started) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      store.release(node, null);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "claims not released at stop; they expire", e);
    }
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /**
   * The next task this worker may run, leased to it (durably, before this returns); empty when
   * there is none. A repeated request with the same idempotency key answers the lease the first one
   * got.
   *
   * @param admission checks the worker may lease at all (throws otherwise); run after the
   *     idempotency lookup, so a retried request still gets its lease
   */
  public Optional<LeaseGrant> lease(
      String workerId,
      ResourceProfile profile,
      List<String> packages,
      String apiBase,
      String idempotencyKey,
      Runnable admission) {
    if (idempotencyKey != null) {
      Optional<LeaseGrant> earlier = queue.leaseByKey(workerId, idempotencyKey, apiBase);
      if (earlier.isPresent()) {
        return earlier;
      }
    }
    admission.run();
    if (packages.isEmpty()) {
      return Optional.empty();
    }
    boolean fed = false;
    if (QueueChanges.version() != fedVersion) {
      // a campaign started or stopped, or tasks were queued: offer what the database holds now
      feedNow();
      fed = true;
    }
    for (int attempt = 0; attempt < 16; attempt++) {
      Optional<ReadyTask> next = ready.take(profile, packages, usage());
      if (next.isEmpty()) {
        if (fed) {
          return Optional.empty();
        }
        feedNow();
        fed = true;
        continue;
      }
      ReadyTask task = next.get();
      Instant now = Instant.now();
      Instant expiry = policy.expiryFrom(now, task.timeBudget());
      String leaseId = UUID.randomUUID().toString();
      LeaseOutcome outcome;
      try {
        outcome =
            await(
                leases.submit(
                    new LeaseWrite(leaseId, task, workerId, node, now, expiry, idempotencyKey)));
      } catch (RuntimeException e) {
        // the group rolled back: the task is still QUEUED and claimed by this instance
        ready.putBack(task);
        throw e;
      }
      switch (outcome) {
        case LEASED -> {
          return Optional.of(granted(task, leaseId, expiry, apiBase));
        }
        case CAMPAIGN_STOPPED -> ready.drop(task.campaignId());
        case DUPLICATE_KEY -> {
          ready.putBack(task);
          return queue.leaseByKey(workerId, idempotencyKey, apiBase);
        }
        case TASK_GONE -> {
          // leased, cancelled or claimed elsewhere meanwhile: try the next one
        }
      }
    }
    return Optional.empty();
  }

  private LeaseGrant granted(ReadyTask task, String leaseId, Instant expiry, String apiBase) {
    Optional<CampaignInfo> campaign = ready.campaign(task.campaignId());
    if (campaign.isEmpty()) {
      return queue.grant(leaseId, apiBase).orElseThrow();
    }
    CampaignInfo info = campaign.get();
    usageSinceRead.merge(info.ownerId(), (double) task.timeBudget(), Double::sum);
    DatasetRef dataset =
        new DatasetRef(
            info.datasetName(),
            info.datasetSha256(),
            info.datasetSizeBytes(),
            apiBase + "datasets/" + info.datasetSha256());
    return new LeaseGrant(
        leaseId,
        expiry,
        new TaskSpec(
            task.id(),
            task.campaignId(),
            TaskQueue.config(task.configJson()),
            task.codePackage(),
            task.timeBudget(),
            List.of(task.seed()),
            dataset));
  }

  /** Takes a worker's result; answers after the group it was settled in committed. */
  public ResultAck submit(String leaseId, String workerId, TaskResult result) {
    Settled settled = await(results.submit(new Submission(leaseId, workerId, result)));
    if (settled.refusal() != null) {
      throw settled.refusal();
    }
    return settled.ack();
  }

  private static <R> R await(CompletableFuture<R> outcome) {
    try {
      return outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the queue's writer did not answer in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Fair-share usage: read every few seconds, and only when several researchers have work. */
  private Map<String, Double> usage() {
    if (ready.owners() <= 1) {
      return Map.of();
    }
    Map<String, Double> read = usage;
    if (usageSinceRead.isEmpty()) {
      return read;
    }
    Map<String, Double> sum = new HashMap<>(read);
    usageSinceRead.forEach((owner, seconds) -> sum.merge(owner, seconds, Double::sum));
    return sum;
  }

  private void refreshUsage() {
    if (ready.owners() <= 1 || System.nanoTime() - usageReadAt < 5_000_000_000L) {
      return;
    }
    usageReadAt = System.nanoTime();
    usage = Map.copyOf(store.recentUsage(Instant.now().minusSeconds(fairShareWindowSeconds)));
    usageSinceRead.clear();
  }

  /**
   * Fills memory with what the database holds now: runs a feed unless one started after this call
   * did (the callers that queue behind a running feed share the next one).
   */
  private void feedNow() {
    long arrived = System.nanoTime();
    feeding.lock();
    try {
      if (lastFeedStartNanos - arrived < 0) {
        feed();
      }
    } finally {
      feeding.unlock();
    }
  }

  private void feedLoop() {
    while (running) {
      try {
        feeding.lock();
        try {
          feed();
          refreshUsage();
        } finally {
          feeding.unlock();
        }
        logStatistics();
        Thread.sleep(FEED_INTERVAL_MILLIS);
      } catch (InterruptedException e) {
        if (!running) {
          return;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "the queue feeder failed; trying again", e);
        try {
          Thread.sleep(1000);
        } catch (InterruptedException stop) {
          if (!running) {
            return;
          }
        }
      }
    }
  }

  /**
   * One round of the feeder: reads the running campaigns, drops the others from memory (releasing
   * their claims), and tops each campaign's memory up to about a second of its recent demand.
   */
  private void feed() {
    long started = System.nanoTime();
    lastFeedStartNanos = started;
    fedVersion = QueueChanges.version();
    double seconds = lastFeedNanos == 0 ? 1 : Math.max(0.001, (started - lastFeedNanos) / 1e9);
    List<CampaignInfo> running = store.runningCampaigns();
    for (String stopped : ready.runningCampaigns(running)) {
      store.release(node, stopped);
      rates.remove(stopped);
    }
    Map<String, Integer> sizes = ready.sizes();
    for (CampaignInfo campaign : running) {
      String id = campaign.id();
      double rate =
          Math.max(ready.takenSinceLastAsked(id) / seconds, rates.getOrDefault(id, 0.0) * 0.8);
      rates.put(id, rate);
      int target = (int) Math.min(maxClaim, Math.max(MIN_CLAIM, Math.ceil(rate * 1.5)));
      int size = sizes.getOrDefault(id, 0);
      if (size * 2 > target) {
        continue;
      }
      Instant now = Instant.now();
      List<ReadyTask> claimed =
          store.claim(id, node, target - size, now, now.plus(Duration.ofSeconds(claimSeconds)));
      ready.add(id, claimed);
    }
    lastFeedNanos = System.nanoTime();
  }

  private long loggedAt = System.nanoTime();

  private void logStatistics() {
    if (System.nanoTime() - loggedAt > 30_000_000_000L) {
      loggedAt = System.nanoTime();
      LOG.info(() -> "queue dispatcher: " + ready.held() + " tasks in memory; " + groupSizes());
    }
  }

  /** This instance's id in claims. */
  public String node() {
    return node;
  }

  /** Mean leases and results per commit so far. */
  public String groupSizes() {
    return String.format(
        java.util.Locale.ROOT,
        "leases %.1f, results %.1f per commit",
        leases.meanGroupSize(),
        results.meanGroupSize());
  }
}
