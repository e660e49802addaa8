package org.xeenet.worker.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.xeenet.api.WorkerCredentials;
import org.xeenet.worker.client.CredentialStore;
import org.xeenet.worker.client.XeeNetClient;
import org.xeenet.worker.trainer.TrainerEvents;

/**
 * The credits line of {@code status}: the worker's account from the server ({@code GET /me} with
 * the stored worker token), kept in {@code <config-dir>/credits.json} so that, when the server
 * cannot be reached, the last known figures are shown with their date.
 */
final class StatusCredits {
  static final String FILE = "credits.json";

  /** What status shows: the account (may be null), when it was fetched, and why not now. */
  record Shown(Map<String, Object> account, String fetchedAt, String error) {}

  private StatusCredits() {}

  // Jersey warns on stderr about an optional provider when a client starts: not for a volunteer
  private static final java.util.logging.Logger JERSEY_MESSAGES =
      java.util.logging.Logger.getLogger("org.glassfish.jersey.message.internal");

  /** Asks the server (short timeouts); on failure falls back to the cached answer. */
  static Shown fetch(Path configDir, String server) {
    JERSEY_MESSAGES.setLevel(java.util.logging.Level.SEVERE);
    return fetch(
        configDir,
        server,
        creds -> {
          try (XeeNetClient c = new XeeNetClient(server, 3, 5)) {
            return c.me(creds);
          }
        });
  }

  static Shown fetch(
      Path configDir, String server, Function<WorkerCredentials, Map<String, Object>> me) {
    WorkerCredentials creds;
    try {
      creds = server == null ? null : new CredentialStore(configDir).load(server);
    } catch (IOException | RuntimeException e) {
      creds = null;
    }
    if (creds == null) {
      return cachedOr(configDir, "this worker is not registered with " + server);
    }
    try {
      Map<String, Object> account = me.apply(creds);
      String now = Instant.now().toString();
      Map<String, Object> cache = new LinkedHashMap<>();
      cache.put("server", server);
      cache.put("fetched_at", now);
      cache.put("account", account);
      write(configDir.resolve(FILE), TrainerEvents.jsonb().toJson(cache));
      return new Shown(account, now, null);
    } catch (RuntimeException e) {
      return cachedOr(configDir, "server unreachable: " + rootMessage(e));
    }
  }

  @SuppressWarnings("unchecked")
  private static Shown cachedOr(Path configDir, String error) {
    try {
      Map<String, Object> m =
          TrainerEvents.jsonb()
              .fromJson(
                  Files.readString(configDir.resolve(FILE), StandardCharsets.UTF_8), Map.class);
      if (m.get("account") instanceof Map<?, ?> a) {
        return new Shown((Map<String, Object>) a, String.valueOf(m.get("fetched_at")), error);
      }
    } catch (IOException | RuntimeException e) {
      // no cache: nothing known
    }
    return new Shown(null, null, error);
  }

  /** One line: "12.5 (balance 12.5, 3 tasks validated, reputation 0.90)" and the source. */
  static String describe(Shown s) {
    if (s.account() == null) {
      return "unknown (" + s.error() + ")";
    }
    Map<String, Object> a = s.account();
    StringBuilder b = new StringBuilder(number(a.get("credits_earned")));
    b.append(" (balance ").append(number(a.get("balance_credits")));
    if (a.get("credits_clawed_back") instanceof Number n && n.doubleValue() != 0) {
      b.append(", clawed back ").append(number(n));
    }
    b.append(", ").append(whole(a.get("tasks_validated"))).append(" tasks validated");
    if (a.get("reputation") instanceof Number r) {
      b.append(", reputation ").append(String.format(Locale.ROOT, "%.2f", r.doubleValue()));
    }
    if (Boolean.TRUE.equals(a.get("quarantined"))) {
      b.append(", QUARANTINED");
    }
    b.append(')');
    if (s.error() != null) {
      b.append(" as of ").append(s.fetchedAt()).append("; ").append(s.error());
    }
    return b.toString();
  }

  private static String number(Object o) {
    if (!(o instanceof Number n)) {
      return "?";
    }
    double v = n.doubleValue();
    return v == Math.rint(v)
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.2f", v).replaceAll("0$", "");
  }

  private static String whole(Object o) {
    return o instanceof Number n ? Long.toString(n.longValue()) : "?";
  }

  private static String rootMessage(Throwable e) {
    Throwable r = e;
    while (r.getCause() != null && r.getCause() != r) {
      r = r.getCause();
    }
    String m = r.getMessage() == null ? r.getClass().getSimpleName() : r.getMessage();
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(FILE + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // the cache is a convenience only
    }
  }
}
