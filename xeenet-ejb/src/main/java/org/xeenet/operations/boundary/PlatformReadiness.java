package org.xeenet.operations.boundary;

import jakarta.annotation.Resource;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.xeenet.cluster.boundary.DataGrid;

/** Ready when the database answers with the schema installed and the batch runtime is up. */
@Readiness
@ApplicationScoped
public class PlatformReadiness implements HealthCheck {
  @Resource(lookup = "jdbc/xeenet")
  DataSource dataSource;

  @Inject DataGrid grid;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("xeenet");
    boolean up = true;
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT MAX(VERSION) FROM XN_SCHEMA_VERSION")) {
      rs.next();
      response.withData("schema_version", rs.getInt(1));
    } catch (Exception e) {
      up = false;
      response.withData("database", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    try {
      response.withData("batch_jobs", BatchRuntime.getJobOperator().getJobNames().size());
    } catch (RuntimeException e) {
      up = false;
      response.withData("batch", e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    response.withData("cluster_members", grid.members());
    grid.clusterName().ifPresent(name -> response.withData("cluster", name));
    return response.status(up).build();
  }
}
