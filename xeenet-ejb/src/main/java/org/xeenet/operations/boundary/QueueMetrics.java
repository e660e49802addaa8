package org.xeenet.operations.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import org.xeenet.cluster.boundary.CampaignStateHeard;
import org.xeenet.cluster.boundary.DataGrid;
import org.xeenet.task.boundary.TaskResultSettled;
import org.xeenet.task.entity.TaskStatus;

/**
 * Queue metrics in the application registry: {@code xeenet_tasks{status}} (gauges, read at most
 * every 5 s), {@code xeenet_workers_online} (seen in the last 5 minutes) and {@code
 * xeenet_results_total{outcome}} (counted when a settlement commits), {@code
 * xeenet_cluster_members} (1 without the data grid) and {@code
 * xeenet_campaign_state_heard_total{status}} (campaign state changes this instance heard of) and
 * {@code xeenet_worker_credits} (credits issued to workers, net of clawbacks).
 */
@ApplicationScoped
public class QueueMetrics {
  private static final Logger LOG = Logger.getLogger(QueueMetrics.class.getName());
  private static final long REFRESH_MILLIS = 5_000;

  @Inject
  @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
  MetricRegistry registry;

  @Resource(lookup = "jdbc/xeenet")
  DataSource dataSource;

  @Inject DataGrid grid;

  private volatile Map<String, Long> tasksByStatus = Map.of();
  private volatile long workersOnline;
  private volatile long readAt;

  @PostConstruct
  void register() {
    for (TaskStatus status : TaskStatus.values()) {
      registry.gauge(
          "xeenet_tasks",
          () -> snapshot().getOrDefault(status.name(), 0L),
          new Tag("status", status.name()));
    }
    registry.gauge("xeenet_cluster_members", grid::members);
    registry.gauge("xeenet_worker_credits", this::workerCredits);
    registry.gauge(
        "xeenet_workers_online",
        () -> {
          snapshot();
          return workersOnline;
        });
  }

  /** Registers the gauges when the application starts, before the first scrape. */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // the observer instantiates the bean; @PostConstruct registers the gauges
  }

  void settled(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskResultSettled settled) {
    registry.counter("xeenet_results_total", new Tag("outcome", settled.outcome())).inc();
  }

  private volatile double workerCredits;
  private volatile long creditsReadAt;

  /**
   * Credits issued to workers, net of clawbacks (the ledger's worker accounts), read at most every
   * 5 s.
   */
  synchronized double workerCredits() {
    long now = System.currentTimeMillis();
    if (now - creditsReadAt < 5_000) {
      return workerCredits;
    }
    creditsReadAt = now;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT SUM(AMOUNT) FROM XN_LEDGER_POSTING WHERE ACCOUNT LIKE 'worker:%' WITH UR")) {
      rs.next();
      workerCredits = rs.getLong(1) / 1000.0;
    } catch (Exception e) {
      LOG.log(Level.WARNING, "cannot read the credits issued", e);
    }
    return workerCredits;
  }

  void heard(@Observes CampaignStateHeard heard) {
    registry.counter("xeenet_campaign_state_heard_total", new Tag("status", heard.status())).inc();
  }

  private synchronized Map<String, Long> snapshot() {
    long now = System.currentTimeMillis();
    if (now - readAt < REFRESH_MILLIS) {
      return tasksByStatus;
    }
    readAt = now;
    try (Connection connection = dataSource.getConnection()) {
      Map<String, Long> counts = new HashMap<>();
      try (Statement statement = connection.createStatement();
          ResultSet rs =
              statement.executeQuery(
                  "SELECT STATUS, COUNT(*) FROM XN_TASK GROUP BY STATUS WITH UR")) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
      try (PreparedStatement statement =
          connection.prepareStatement(
              "SELECT COUNT(*) FROM XN_WORKER WHERE LAST_SEEN_AT > ? WITH UR")) {
        statement.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(300)));
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          workersOnline = rs.getLong(1);
        }
      }
      tasksByStatus = Map.copyOf(counts);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "cannot read queue metrics", e);
    }
    return tasksByStatus;
  }
}
