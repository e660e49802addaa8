package org.xeenet.worker.client;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.xeenet.api.WorkerCredentials;

/**
 * {@code <config-dir>/worker.json}: the worker_id and token per server URL, readable by the owner
 * only. Format: {@code {"servers": {"http://host:8080": {"worker_id": "…", "token": "…"}}}}.
 */
public final class CredentialStore {
  public static final String FILE_NAME = "worker.json";
  public static final String ENV_CONFIG_DIR = "XEENET_WORKER_CONFIG_DIR";

  private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withFormatting(true));

  private final Path file;

  public CredentialStore(Path configDir) {
    this.file = configDir.resolve(FILE_NAME);
  }

  public Path file() {
    return file;
  }

  /** The config dir: the option if given, else $XEENET_WORKER_CONFIG_DIR, else ~/.config/xeenet. */
  public static Path resolveConfigDir(Path option, Map<String, String> env) {
    if (option != null) {
      return option;
    }
    String fromEnv = env.get(ENV_CONFIG_DIR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    return Path.of(System.getProperty("user.home"), ".config", "xeenet");
  }

  /** Server URLs are compared without a trailing slash. */
  public static String key(String serverUrl) {
    String s = serverUrl.trim();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  public synchronized WorkerCredentials load(String serverUrl) throws IOException {
    return readAll().get(key(serverUrl));
  }

  public synchronized void save(String serverUrl, WorkerCredentials creds) throws IOException {
    Map<String, WorkerCredentials> all = readAll();
    all.put(key(serverUrl), creds);
    write(all);
  }

  public synchronized void remove(String serverUrl) throws IOException {
    Map<String, WorkerCredentials> all = readAll();
    if (all.remove(key(serverUrl)) != null) {
      write(all);
    }
  }

  /** The stored file format. */
  public static final class StoredFile {
    public Map<String, WorkerCredentials> servers = new LinkedHashMap<>();
  }

  private Map<String, WorkerCredentials> readAll() throws IOException {
    if (!Files.isRegularFile(file)) {
      return new LinkedHashMap<>();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      return new LinkedHashMap<>();
    }
    try {
      StoredFile f = JSONB.fromJson(text, StoredFile.class);
      return f == null || f.servers == null
          ? new LinkedHashMap<>()
          : new LinkedHashMap<>(f.servers);
    } catch (RuntimeException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void write(Map<String, WorkerCredentials> all) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    StoredFile f = new StoredFile();
    f.servers = all;
    Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
    try {
      ownerOnly(tmp);
      Files.writeString(tmp, JSONB.toJson(f), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      ownerOnly(file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void ownerOnly(Path p) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
    } else {
      p.toFile().setReadable(false, false);
      p.toFile().setReadable(true, true);
      p.toFile().setWritable(false, false);
      p.toFile().setWritable(true, true);
    }
  }
}
