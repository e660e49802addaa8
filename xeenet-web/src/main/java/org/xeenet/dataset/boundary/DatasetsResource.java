package org.xeenet.dataset.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.xeenet.access.boundary.WorkerCaller;
import org.xeenet.dataset.control.ContentHash;
import org.xeenet.dataset.entity.Dataset;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;

/** Dataset bytes by SHA-256, for workers; the ETag is the hash. */
@jakarta.ws.rs.Path("datasets")
@WorkerCaller
public class DatasetsResource {
  @EJB DatasetCatalog catalog;

  @GET
  @jakarta.ws.rs.Path("{sha256}")
  public Response download(@PathParam("sha256") String sha256, @Context Request request) {
    if (!ContentHash.isSha256Hex(sha256)) {
      throw new RejectedInputException("sha256", "must be 64 lower-case hex digits");
    }
    Dataset dataset =
        catalog.bySha256(sha256).orElseThrow(() -> new NotFoundException("no dataset " + sha256));
    Path file = Path.of(dataset.filePath());
    if (!Files.isReadable(file)) {
      throw new NotFoundException("dataset " + dataset.name() + " is missing on this server");
    }
    EntityTag tag = new EntityTag(sha256);
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    if (unchanged != null) {
      return unchanged.build();
    }
    return Response.ok(file.toFile(), "application/octet-stream")
        .tag(tag)
        .header("Content-Length", dataset.sizeBytes())
        .header("Content-Disposition", "attachment; filename=\"" + dataset.name() + ".txt\"")
        .build();
  }
}
