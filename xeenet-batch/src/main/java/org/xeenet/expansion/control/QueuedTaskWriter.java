package org.xeenet.expansion.control;

import jakarta.annotation.Resource;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xeenet.search.control.CharLMConfigGenerator.GeneratedConfig;
import org.xeenet.search.control.CharLMSearchSpace;
import org.xeenet.search.control.ConfigJson;

/**
 * Queues a chunk of drawn configurations as {@code XN_TASK} rows, in the chunk's transaction: one
 * prepared INSERT executed as a JDBC batch, not one JPA entity per task (a persist per row cost
 * ~0.5–3 ms; a batched row costs a few µs). Indexes a previous run of the job already queued are
 * skipped, so a restarted expansion writes each task once. The rows are what {@code
 * org.xeenet.task.entity.Task}'s constructor would write: status QUEUED, no attempts yet.
 */
@Named
@Dependent
public class QueuedTaskWriter extends AbstractItemWriter {
  static final String INSERT =
      "INSERT INTO XN_TASK (ID, CAMPAIGN_ID, TASK_INDEX, CONFIG_JSON, SEED, TIME_BUDGET,"
          + " CODE_PACKAGE_REF, STATUS, ATTEMPTS, MAX_ATTEMPTS, SIMULATED, CREATED_AT)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, 0, ?)";
  static final String PRESENT =
      "SELECT TASK_INDEX FROM XN_TASK WHERE CAMPAIGN_ID = ? AND TASK_INDEX BETWEEN ? AND ?";
  static final String TIME_BUDGET = "SELECT TIME_BUDGET FROM XN_CAMPAIGN WHERE ID = ?";

  @Inject @BatchProperty String campaignId;

  @Resource(lookup = "jdbc/xeenet")
  DataSource database;

  @Inject
  @ConfigProperty(name = "xeenet.task.max-attempts", defaultValue = "3")
  int maxAttempts;

  private final TaskIds ids = new TaskIds();
  private Integer campaignTimeBudget;

  @Override
  public void open(Serializable checkpoint) {
    // nothing to restore: the rows written so far are the writer's state
  }

  @Override
  public void writeItems(List<Object> items) throws SQLException {
    if (items.isEmpty()) {
      return;
    }
    int low = Integer.MAX_VALUE;
    int high = Integer.MIN_VALUE;
    for (Object item : items) {
      int index = ((GeneratedConfig) item).index();
      low = Math.min(low, index);
      high = Math.max(high, index);
    }
    try (Connection c = database.getConnection()) {
      int budget = campaignTimeBudget(c);
      Set<Integer> present = present(c, low, high);
      Timestamp now = Timestamp.from(Instant.now());
      try (PreparedStatement insert = c.prepareStatement(INSERT)) {
        int rows = 0;
        for (Object item : items) {
          GeneratedConfig config = (GeneratedConfig) item;
          if (present.contains(config.index())) {
            continue;
          }
          insert.setString(1, ids.next());
          insert.setString(2, campaignId);
          insert.setInt(3, config.index());
          insert.setString(4, ConfigJson.write(config.config()));
          insert.setLong(5, config.seed());
          insert.setInt(6, config.timeBudget() != null ? config.timeBudget() : budget);
          insert.setString(7, CharLMSearchSpace.CODE_PACKAGE);
          insert.setInt(8, maxAttempts);
          insert.setTimestamp(9, now);
          insert.addBatch();
          rows++;
        }
        if (rows > 0) {
          insert.executeBatch();
        }
      }
    }
  }

  private int campaignTimeBudget(Connection c) throws SQLException {
    if (campaignTimeBudget == null) {
      try (PreparedStatement q = c.prepareStatement(TIME_BUDGET)) {
        q.setString(1, campaignId);
        try (ResultSet rs = q.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("no campaign " + campaignId);
          }
          campaignTimeBudget = rs.getInt(1);
        }
      }
    }
    return campaignTimeBudget;
  }

  private Set<Integer> present(Connection c, int low, int high) throws SQLException {
    Set<Integer> present = new HashSet<>();
    try (PreparedStatement q = c.prepareStatement(PRESENT)) {
      q.setString(1, campaignId);
      q.setInt(2, low);
      q.setInt(3, high);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          present.add(rs.getInt(1));
        }
      }
    }
    return present;
  }
}
