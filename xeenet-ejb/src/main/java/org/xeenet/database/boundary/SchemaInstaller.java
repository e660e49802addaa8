package org.xeenet.database.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.xeenet.database.control.DdlScript;

/**
 * Brings the database to the schema of record on start: applies each db-scripts DDL version not yet
 * recorded in {@code XN_SCHEMA_VERSION}, in one transaction per version.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaInstaller {
  private static final Logger LOG = Logger.getLogger(SchemaInstaller.class.getName());
  static final List<String> SCRIPTS =
      List.of(
          "db/derby/V1__schema.sql",
          "db/derby/V2__queue.sql",
          "db/derby/V3__economics.sql",
          "db/derby/V4__search_results.sql",
          "db/derby/V5__accounts.sql",
          "db/derby/V6__trust_checks.sql",
          "db/derby/V7__queue_claims.sql");

  @Resource(lookup = "jdbc/xeenet")
  DataSource dataSource;

  @PostConstruct
  void install() {
    try (Connection connection = dataSource.getConnection()) {
      int installed = installedVersion(connection);
      for (int version = installed + 1; version <= SCRIPTS.size(); version++) {
        apply(connection, DdlScript.load(version, SCRIPTS.get(version - 1)));
      }
      LOG.info(() -> "database schema at version " + SCRIPTS.size());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot install the database schema: " + e.getMessage(), e);
    }
  }

  private int installedVersion(Connection connection) throws SQLException {
    try (ResultSet tables =
        connection.getMetaData().getTables(null, null, "XN_SCHEMA_VERSION", null)) {
      if (!tables.next()) {
        return 0;
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT MAX(VERSION) FROM XN_SCHEMA_VERSION")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private void apply(Connection connection, DdlScript script) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : script.statements()) {
        statement.execute(sql);
      }
      connection.commit();
      LOG.info(() -> "applied schema version " + script.version());
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
