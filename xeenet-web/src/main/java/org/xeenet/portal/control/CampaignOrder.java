package org.xeenet.portal.control;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The campaign list's filter (title or description words, status) and sort orders, on any row type
 * through accessor functions so the rules are tested without the portal's beans.
 */
public final class CampaignOrder {
  /** The sort orders offered, by key. */
  public static final List<String> SORTS =
      List.of("newest", "oldest", "best", "progress", "cost", "title");

  private CampaignOrder() {}

  /** What a row offers to filter and sort on. */
  public record Keys<T>(
      Function<T, String> title,
      Function<T, String> status,
      Function<T, Instant> created,
      Function<T, Double> best,
      Function<T, Integer> percent,
      Function<T, Double> cost) {}

  public static <T> List<T> apply(
      List<T> rows, String text, String status, String sort, Keys<T> k) {
    String words = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    String wanted = status == null ? "" : status.strip();
    return rows.stream()
        .filter(r -> wanted.isEmpty() || wanted.equalsIgnoreCase(k.status().apply(r)))
        .filter(
            r ->
                words.isEmpty()
                    || (k.title().apply(r) == null ? "" : k.title().apply(r))
                        .toLowerCase(Locale.ROOT)
                        .contains(words))
        .sorted(comparator(sort, k))
        .toList();
  }

  static <T> Comparator<T> comparator(String sort, Keys<T> k) {
    Comparator<T> newest =
        Comparator.comparing(k.created(), Comparator.nullsLast(Comparator.reverseOrder()));
    return switch (sort == null ? "newest" : sort) {
      case "oldest" ->
          Comparator.comparing(k.created(), Comparator.nullsLast(Comparator.naturalOrder()));
      case "best" ->
          Comparator.comparing(k.best(), Comparator.nullsLast(Comparator.naturalOrder()))
              .thenComparing(newest);
      case "progress" ->
          Comparator.comparing(k.percent(), Comparator.reverseOrder()).thenComparing(newest);
      case "cost" ->
          Comparator.comparing(k.cost(), Comparator.reverseOrder()).thenComparing(newest);
      case "title" ->
          Comparator.comparing(
                  (T r) ->
                      k.title().apply(r) == null ? "" : k.title().apply(r).toLowerCase(Locale.ROOT))
              .thenComparing(newest);
      default -> newest;
    };
  }
}
