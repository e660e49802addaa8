package org.xeenet.operations.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xeenet.problem.RejectedInputException;

/**
 * Online backup of the Derby database with {@code SYSCS_UTIL.SYSCS_BACKUP_DATABASE}: the database
 * stays open and serving while Derby copies it. The target must lie under the data directory or
 * under {@code xeenet.backup.dir}; Derby writes the copy into {@code <target>/<database name>}
 * ({@code derby} for the embedded database of {@code ./xeenet server}).
 */
@Stateless
public class DatabaseBackup {
  private static final Logger LOG = Logger.getLogger(DatabaseBackup.class.getName());
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  @Resource(lookup = "jdbc/xeenet")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "xeenet.data.dir", defaultValue = "./data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "xeenet.backup.dir")
  Optional<String> backupDir;

  /** What a backup produced. */
  public record Done(String directory, long millis) {}

  /**
   * Backs the database up into {@code directory} (absolute, or relative to the backup root); with
   * none, into {@code <backup root>/<UTC time stamp>}. The backup root is {@code
   * xeenet.backup.dir}, or {@code <data dir>/backups}.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Done backup(String directory) {
    Path target = target(directory);
    long start = System.nanoTime();
    try {
      Files.createDirectories(target);
    } catch (IOException e) {
      throw new RejectedInputException("directory", "cannot be created: " + e.getMessage());
    }
    try (Connection connection = dataSource.getConnection();
        CallableStatement call =
            connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
      call.setString(1, target.toString());
      call.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("the database backup failed: " + e.getMessage(), e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    LOG.info(() -> "database backed up to " + target + " in " + millis + " ms");
    return new Done(target.toString(), millis);
  }

  Path target(String directory) {
    Path data = Path.of(dataDir).toAbsolutePath().normalize();
    Path root =
        backupDir
            .filter(d -> !d.isBlank())
            .map(d -> Path.of(d).toAbsolutePath().normalize())
            .orElse(data.resolve("backups"));
    if (directory == null || directory.isBlank()) {
      return root.resolve(STAMP.format(Instant.now()));
    }
    if (directory.length() > 1000 || directory.indexOf('\0') >= 0) {
      throw new RejectedInputException("directory", "is not a usable path");
    }
    Path target;
    try {
      Path given = Path.of(directory);
      target = (given.isAbsolute() ? given : root.resolve(given)).normalize();
    } catch (RuntimeException e) {
      throw new RejectedInputException("directory", "is not a usable path");
    }
    boolean allowed =
        (target.startsWith(root) && !target.equals(root))
            || (target.startsWith(data) && !target.equals(data));
    if (!allowed) {
      throw new RejectedInputException(
          "directory", "must lie under " + root + " or under the data directory " + data);
    }
    Path database = data.resolve("derby");
    if (target.startsWith(database) || database.startsWith(target)) {
      throw new RejectedInputException("directory", "must not be the database's own directory");
    }
    return target;
  }
}
