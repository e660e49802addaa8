package org.xeenet.task.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.xeenet.task.control.HardwareRequirement;
import org.xeenet.task.control.ReadyQueue.CampaignInfo;
import org.xeenet.task.control.ReadyQueue.ReadyTask;

/**
 * The queue's hot SQL, as plain JDBC in the caller's (container) transaction: the feeder's claims,
 * and the group-committed writes of leases. Each compare-and-set names the state it expects, so a
 * task is never leased twice, whichever instance or path got to it first.
 */
@Stateless
public class QueueStore {
  /** What became of one lease to write. */
  public enum LeaseOutcome {
    LEASED,
    /** the task is no longer QUEUED and claimed by this instance: someone else has it */
    TASK_GONE,
    /** its campaign no longer runs */
    CAMPAIGN_STOPPED,
    /** the worker's idempotency key was already used by another lease */
    DUPLICATE_KEY
  }

  /** One lease to make durable. */
  public record LeaseWrite(
      String leaseId,
      ReadyTask task,
      String workerId,
      String node,
      Instant issuedAt,
      Instant expiresAt,
      String idempotencyKey) {}

  @Resource(lookup = "jdbc/xeenet")
  DataSource dataSource;

  @Resource SessionContext context;

  /** Running campaigns with their dataset. */
  public List<CampaignInfo> runningCampaigns() {
    String sql =
        "SELECT c.ID, c.OWNER_ID, c.PRIORITY, c.CREATED_AT, c.MIN_CPU_CORES, c.MIN_RAM_GB,"
            + " c.NEEDS_GPU, c.MIN_GPU_VRAM_GB, d.NAME, d.SHA256, d.SIZE_BYTES"
            + " FROM XN_CAMPAIGN c JOIN XN_DATASET d ON d.NAME = c.DATASET_NAME"
            + " WHERE c.STATUS = 'RUNNING'";
    List<CampaignInfo> campaigns = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        Integer cores = (Integer) rs.getObject(5);
        Double ram = (Double) rs.getObject(6);
        Double vram = (Double) rs.getObject(8);
        campaigns.add(
            new CampaignInfo(
                rs.getString(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getTimestamp(4).toInstant(),
                new HardwareRequirement(cores, ram, rs.getInt(7) != 0, vram),
                rs.getString(9),
                rs.getString(10),
                rs.getLong(11)));
      }
      return campaigns;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the running campaigns: " + e.getMessage(), e);
    }
  }

  /**
   * Claims up to {@code limit} of the campaign's QUEUED tasks not claimed by a live claim, lowest
   * index first, for {@code node} until {@code until}; answers those this call claimed.
   */
  public List<ReadyTask> claim(
      String campaignId, String node, int limit, Instant now, Instant until) {
    String select =
        "SELECT ID, TASK_INDEX, CONFIG_JSON, SEED, TIME_BUDGET, CODE_PACKAGE_REF, ATTEMPTS"
            + " FROM XN_TASK WHERE STATUS = 'QUEUED' AND CAMPAIGN_ID = ?"
            + " AND (CLAIMED_BY IS NULL OR CLAIM_EXPIRES_AT < ?)"
            + " ORDER BY TASK_INDEX FETCH FIRST "
            + Math.max(1, limit)
            + " ROWS ONLY WITH UR";
    String update =
        "UPDATE XN_TASK SET CLAIMED_BY = ?, CLAIM_EXPIRES_AT = ? WHERE ID = ?"
            + " AND STATUS = 'QUEUED' AND ATTEMPTS = ? AND (CLAIMED_BY IS NULL OR CLAIM_EXPIRES_AT < ?)";
    Timestamp at = Timestamp.from(now);
    List<ReadyTask> candidates = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement statement = connection.prepareStatement(select)) {
        statement.setString(1, campaignId);
        statement.setTimestamp(2, at);
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            candidates.add(
                new ReadyTask(
                    rs.getString(1),
                    campaignId,
                    rs.getInt(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getInt(5),
                    rs.getString(6),
                    rs.getInt(7)));
          }
        }
      }
      if (candidates.isEmpty()) {
        return candidates;
      }
      int[] counts;
      try (PreparedStatement statement = connection.prepareStatement(update)) {
        Timestamp expiry = Timestamp.from(until);
        for (ReadyTask task : candidates) {
          statement.setString(1, node);
          statement.setTimestamp(2, expiry);
          statement.setString(3, task.id());
          statement.setInt(4, task.attempts());
          statement.setTimestamp(5, at);
          statement.addBatch();
        }
        counts = statement.executeBatch();
      }
      List<ReadyTask> claimed = new ArrayList<>();
      for (int i = 0; i < candidates.size(); i++) {
        if (counts[i] > 0) {
          claimed.add(candidates.get(i));
        }
      }
      return claimed;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot claim tasks: " + e.getMessage(), e);
    }
  }

  /** Releases this node's claims on a campaign's queued tasks (or on all, without a campaign). */
  public int release(String node, String campaignId) {
    String sql =
        "UPDATE XN_TASK SET CLAIMED_BY = NULL, CLAIM_EXPIRES_AT = NULL WHERE STATUS = 'QUEUED'"
            + (campaignId == null ? "" : " AND CAMPAIGN_ID = ?")
            + (node == null ? " AND CLAIMED_BY IS NOT NULL" : " AND CLAIMED_BY = ?");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      int i = 1;
      if (campaignId != null) {
        statement.setString(i++, campaignId);
      }
      if (node != null) {
        statement.setString(i, node);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot release claims: " + e.getMessage(), e);
    }
  }

  /** Whether the database is embedded in this process (then no other instance can use it). */
  public boolean embedded() {
    try (Connection connection = dataSource.getConnection()) {
      String url = connection.getMetaData().getURL();
      return url != null && url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Writes a group of leases in the caller's transaction: per lease a compare-and-set of its task
   * from QUEUED (claimed by this node, at the attempt the feeder read) to LEASED, and the lease row
   * for each task that changed. Answers one outcome per lease, in order.
   */
  public List<LeaseOutcome> writeLeases(List<LeaseWrite> leases) {
    try (Connection connection = dataSource.getConnection()) {
      Set<String> running = runningOf(connection, leases);
      List<LeaseOutcome> outcomes = new ArrayList<>(leases.size());
      List<LeaseWrite> tried = new ArrayList<>();
      String cas =
          "UPDATE XN_TASK SET STATUS = 'LEASED', ATTEMPTS = ?, LEASE_ID = ?, WORKER_ID = ?,"
              + " LEASE_EXPIRES_AT = ?, CLAIMED_BY = NULL, CLAIM_EXPIRES_AT = NULL"
              + " WHERE ID = ? AND STATUS = 'QUEUED' AND ATTEMPTS = ? AND CLAIMED_BY = ?";
      int[] counts;
      try (PreparedStatement statement = connection.prepareStatement(cas)) {
        for (LeaseWrite lease : leases) {
          if (!running.contains(lease.task().campaignId())) {
            continue;
          }
          ReadyTask task = lease.task();
          statement.setInt(1, task.attempts() + 1);
          statement.setString(2, lease.leaseId());
          statement.setString(3, lease.workerId());
          statement.setTimestamp(4, Timestamp.from(lease.expiresAt()));
          statement.setString(5, task.id());
          statement.setInt(6, task.attempts());
          statement.setString(7, lease.node());
          statement.addBatch();
          tried.add(lease);
        }
        counts = tried.isEmpty() ? new int[0] : statement.executeBatch();
      }
      Set<String> leased = new HashSet<>();
      for (int i = 0; i < tried.size(); i++) {
        if (counts[i] > 0) {
          leased.add(tried.get(i).leaseId());
        }
      }
      if (!leased.isEmpty()) {
        try (PreparedStatement statement =
            connection.prepareStatement(
                "INSERT INTO XN_LEASE (ID, TASK_ID, WORKER_ID, ATTEMPT, STATE, ISSUED_AT,"
                    + " EXPIRES_AT, IDEMPOTENCY_KEY) VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?, ?)")) {
          for (LeaseWrite lease : leases) {
            if (leased.contains(lease.leaseId())) {
              statement.setString(1, lease.leaseId());
              statement.setString(2, lease.task().id());
              statement.setString(3, lease.workerId());
              statement.setInt(4, lease.task().attempts() + 1);
              statement.setTimestamp(5, Timestamp.from(lease.issuedAt()));
              statement.setTimestamp(6, Timestamp.from(lease.expiresAt()));
              statement.setString(7, lease.idempotencyKey());
              statement.addBatch();
            }
          }
          statement.executeBatch();
        }
      }
      for (LeaseWrite lease : leases) {
        outcomes.add(
            leased.contains(lease.leaseId())
                ? LeaseOutcome.LEASED
                : running.contains(lease.task().campaignId())
                    ? LeaseOutcome.TASK_GONE
                    : LeaseOutcome.CAMPAIGN_STOPPED);
      }
      return outcomes;
    } catch (SQLException e) {
      if (leases.size() == 1 && isDuplicateKey(e)) {
        // the task's change in this transaction must not stay: undo it all
        context.setRollbackOnly();
        return List.of(LeaseOutcome.DUPLICATE_KEY);
      }
      throw new IllegalStateException("cannot write leases: " + e.getMessage(), e);
    }
  }

  private static boolean isDuplicateKey(Throwable e) {
    for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
      for (SQLException s = t instanceof SQLException sql ? sql : null;
          s != null;
          s = s.getNextException()) {
        if ("23505".equals(s.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Which of the leases' campaigns run (read without keeping locks, as leasing always did). */
  private static Set<String> runningOf(Connection connection, List<LeaseWrite> leases)
      throws SQLException {
    Set<String> ids = new HashSet<>();
    leases.forEach(l -> ids.add(l.task().campaignId()));
    Set<String> running = new HashSet<>();
    try (PreparedStatement statement =
        connection.prepareStatement("SELECT STATUS FROM XN_CAMPAIGN WHERE ID = ?")) {
      for (String id : ids) {
        statement.setString(1, id);
        try (ResultSet rs = statement.executeQuery()) {
          if (rs.next() && "RUNNING".equals(rs.getString(1))) {
            running.add(id);
          }
        }
      }
    }
    return running;
  }

  /**
   * Compute each researcher was granted in the fair-share window: the time budgets of the leases
   * issued to their campaigns since {@code since}.
   */
  public Map<String, Double> recentUsage(Instant since) {
    Map<String, Double> usage = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT c.OWNER_ID, SUM(t.TIME_BUDGET) FROM XN_LEASE l"
                    + " JOIN XN_TASK t ON t.ID = l.TASK_ID JOIN XN_CAMPAIGN c ON c.ID = t.CAMPAIGN_ID"
                    + " WHERE l.ISSUED_AT > ? GROUP BY c.OWNER_ID WITH UR")) {
      statement.setTimestamp(1, Timestamp.from(since));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          usage.put(rs.getString(1), rs.getDouble(2));
        }
      }
      return usage;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read recent usage: " + e.getMessage(), e);
    }
  }
}
