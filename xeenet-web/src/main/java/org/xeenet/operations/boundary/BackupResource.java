package org.xeenet.operations.boundary;

import jakarta.ejb.EJB;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.xeenet.access.boundary.ResearcherCaller;
import org.xeenet.access.control.Caller;
import org.xeenet.account.boundary.Accounts;
import org.xeenet.account.entity.Researcher;
import org.xeenet.problem.ForbiddenException;

/**
 * {@code POST /operations/backup {"directory": …}}: an online backup of the database, for
 * administrators. Embedded Derby is reachable only inside the server's JVM, hence a route.
 */
@Path("operations/backup")
@ResearcherCaller
public class BackupResource {
  @EJB DatabaseBackup backup;

  @EJB Accounts accounts;

  /** The optional target directory of a backup. */
  public record BackupRequest(@JsonbProperty("directory") String directory) {}

  /** Where the backup went and how long it took. */
  public record BackupDone(
      @JsonbProperty("directory") String directory, @JsonbProperty("millis") long millis) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public BackupDone backup(BackupRequest request, @Context SecurityContext security) {
    Caller caller = Caller.of(security);
    if (!accounts.find(caller.id()).map(Researcher::admin).orElse(false)) {
      throw new ForbiddenException("only an administrator may back the database up");
    }
    DatabaseBackup.Done done = backup.backup(request == null ? null : request.directory());
    return new BackupDone(done.directory(), done.millis());
  }
}
