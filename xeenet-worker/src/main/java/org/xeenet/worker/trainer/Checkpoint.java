package org.xeenet.worker.trainer;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.xeenet.worker.dataset.DatasetCache;

/**
 * The final model weights, as DJL's parameter stream ({@code Block.saveParameters}), written to a
 * temporary file then moved into place so a reader never sees half a file. The worker keeps it for
 * upload (spot verification recomputes val_bpb from it).
 */
public record Checkpoint(Path path, long bytes, String sha256) {

  public static Checkpoint write(Block model, Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".part");
    try {
      try (OutputStream os = Files.newOutputStream(tmp);
          DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os))) {
        model.saveParameters(out);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return new Checkpoint(target, Files.size(target), DatasetCache.sha256Of(target));
  }

  /** Loads the weights into a model of the same shape (initialised or not). */
  public static void read(Block model, NDManager manager, Path file)
      throws IOException, MalformedModelException {
    try (InputStream is = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(is))) {
      model.loadParameters(manager, in);
    }
  }
}
