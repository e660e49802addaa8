package org.xeenet.database.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A DDL script of db-scripts: SQL statements each ending with a semicolon at the end of a line;
 * lines starting with {@code --} are comments.
 */
public record DdlScript(int version, List<String> statements) {

  public static DdlScript parse(int version, String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\\R")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      if (trimmed.endsWith(";")) {
        current.append(trimmed, 0, trimmed.length() - 1);
        statements.add(current.toString().strip());
        current.setLength(0);
      } else {
        current.append(trimmed).append('\n');
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return new DdlScript(version, List.copyOf(statements));
  }

  /** Loads {@code db/derby/V<version>__*.sql} named by {@code resource} from the class path. */
  public static DdlScript load(int version, String resource) {
    try (InputStream in = DdlScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("DDL script not on the class path: " + resource);
      }
      return parse(version, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
