package org.xeenet.checkpoint.boundary;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.xeenet.access.boundary.WorkerCaller;
import org.xeenet.access.control.Caller;
import org.xeenet.api.CheckpointReceipt;
import org.xeenet.api.Problem;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.checkpoint.entity.StoredCheckpoint;
import org.xeenet.problem.TransientFailure;
import org.xeenet.trust.boundary.Checks;

/**
 * The checkpoint of a lease's result: {@code PUT} by the lease's worker after the result (the bytes
 * must hash to the result's {@code checkpoint_sha256}; at most {@code xeenet.checkpoint.max-bytes},
 * else 413), {@code GET} by that worker and by workers with work in the same campaign (verifiers,
 * resumed runs).
 */
@Path("leases/{leaseId}/checkpoint")
@WorkerCaller
public class CheckpointResource {
  @EJB CheckpointStore store;

  @EJB Checks checks;

  @PUT
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response upload(
      @PathParam("leaseId") String leaseId,
      @HeaderParam("Content-Length") Long contentLength,
      InputStream body,
      @Context SecurityContext security)
      throws IOException {
    String workerId = Caller.of(security).id();
    long max = store.maxBytes();
    if (contentLength != null && contentLength > max) {
      return tooLarge(max);
    }
    java.nio.file.Path staged = Files.createTempFile(store.stagingDir(), "upload-", ".part");
    try {
      MessageDigest digest = sha256();
      long size = 0;
      try (InputStream in = new DigestInputStream(body, digest);
          OutputStream out = Files.newOutputStream(staged)) {
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = in.read(buffer)) >= 0) {
          size += n;
          if (size > max) {
            return tooLarge(max);
          }
          out.write(buffer, 0, n);
        }
      }
      String sha = HexFormat.of().formatHex(digest.digest());
      long bytes = size;
      CheckpointStore.Upload upload =
          TransientFailure.retry(() -> store.put(leaseId, workerId, staged, sha, bytes));
      StoredCheckpoint c = upload.checkpoint();
      switch (upload.outcome()) {
        case DUPLICATE -> {
          checks.replayed(leaseId, upload.duplicateOf());
          return problem(
              409,
              "this checkpoint was already uploaded for another result (lease "
                  + upload.duplicateOf()
                  + "): the result of lease "
                  + leaseId
                  + " is a replayed or copied result and is INVALID",
              null);
        }
        case SAME -> {
          return Response.ok(receipt(c)).build();
        }
        default -> {
          checks.checkpointArrived(leaseId);
          return Response.status(201).entity(receipt(c)).build();
        }
      }
    } finally {
      Files.deleteIfExists(staged);
    }
  }

  @GET
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public Response download(
      @PathParam("leaseId") String leaseId, @Context SecurityContext security) {
    String workerId = Caller.of(security).id();
    StoredCheckpoint c = store.readable(leaseId, workerId);
    java.nio.file.Path file = store.file(c.sha256());
    if (!Files.isReadable(file)) {
      throw new org.xeenet.problem.NotFoundException(
          "the checkpoint of lease " + leaseId + " is missing on this server");
    }
    return Response.ok(file.toFile(), MediaType.APPLICATION_OCTET_STREAM)
        .header("Content-Length", c.sizeBytes())
        .header("ETag", "\"" + c.sha256() + "\"")
        .header("X-Checkpoint-SHA256", c.sha256())
        .build();
  }

  private static CheckpointReceipt receipt(StoredCheckpoint c) {
    return new CheckpointReceipt(c.leaseId(), c.taskId(), c.sha256(), c.sizeBytes(), c.createdAt());
  }

  private static Response tooLarge(long max) {
    return problem(
        413,
        "a checkpoint is at most " + max + " bytes",
        List.of(new FieldError("body", "must be at most " + max + " bytes")));
  }

  private static Response problem(int status, String detail, List<FieldError> errors) {
    Response.Status known = Response.Status.fromStatusCode(status);
    return Response.status(status)
        .type(Problem.MEDIA_TYPE)
        .entity(
            new Problem(
                "about:blank",
                known == null ? "Error" : known.getReasonPhrase(),
                status,
                detail,
                errors))
        .build();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
