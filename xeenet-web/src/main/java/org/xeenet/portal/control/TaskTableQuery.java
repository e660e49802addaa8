package org.xeenet.portal.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The campaign page's task table as SQL: which columns it may sort by (a fixed list: the column
 * name never comes from the browser), the filters (status, worker name or id), and the page.
 * Unknown sort fields fall back to the task index; missing values sort last either way.
 */
public final class TaskTableQuery {
  static final Map<String, String> SORTABLE =
      Map.of(
          "index", "t.TASK_INDEX",
          "status", "t.STATUS",
          "valBpb", "t.VAL_BPB",
          "trainLoss", "t.TRAIN_LOSS",
          "steps", "t.STEPS_COMPLETED",
          "wallTime", "t.WALL_TIME_SECONDS",
          "attempts", "t.ATTEMPTS",
          "device", "t.DEVICE_USED",
          "worker", "w.NAME");

  static final List<String> STATUSES =
      List.of("QUEUED", "LEASED", "SUBMITTED", "VALID", "INVALID", "FAILED", "CANCELLED");

  private TaskTableQuery() {}

  /** A page request: filters, one sort column, offset and size. */
  public record Request(
      String status, String worker, String sortField, boolean descending, int first, int size) {

    /** The status filter if it is one of the task statuses, else null (no filter). */
    public String statusFilter() {
      if (status == null || status.isBlank()) {
        return null;
      }
      String s = status.strip().toUpperCase(Locale.ROOT);
      return STATUSES.contains(s) ? s : null;
    }

    /** The worker filter, lower-cased, or null. */
    public String workerFilter() {
      return worker == null || worker.isBlank() ? null : worker.strip().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code WHERE …} over {@code XN_TASK t LEFT JOIN XN_WORKER w}; parameters ?1 (campaign) on. */
  public static String where(Request r) {
    StringBuilder sql = new StringBuilder(" WHERE t.CAMPAIGN_ID = ?1");
    int next = 2;
    if (r.statusFilter() != null) {
      sql.append(" AND t.STATUS = ?").append(next++);
    }
    if (r.workerFilter() != null) {
      sql.append(" AND (LOWER(w.NAME) LIKE ?")
          .append(next)
          .append(" OR LOWER(t.WORKER_ID) LIKE ?")
          .append(next + 1)
          .append(")");
    }
    return sql.toString();
  }

  /** The bind values after the campaign id, in the order of {@link #where}. */
  public static List<Object> parameters(Request r) {
    java.util.ArrayList<Object> values = new java.util.ArrayList<>();
    if (r.statusFilter() != null) {
      values.add(r.statusFilter());
    }
    if (r.workerFilter() != null) {
      String like = "%" + r.workerFilter().replace("%", "").replace("_", "") + "%";
      values.add(like);
      values.add(like);
    }
    return values;
  }

  /** {@code ORDER BY …}: the sort column (or the index), ties broken by the index. */
  public static String orderBy(Request r) {
    String column = SORTABLE.getOrDefault(r.sortField() == null ? "" : r.sortField(), null);
    if (column == null) {
      return " ORDER BY t.TASK_INDEX" + (r.descending() ? " DESC" : "");
    }
    String direction = r.descending() ? " DESC" : " ASC";
    String order = " ORDER BY " + column + direction + " NULLS LAST";
    return column.equals("t.TASK_INDEX") ? order : order + ", t.TASK_INDEX";
  }

  /** {@code OFFSET … FETCH …} of a page, bounded to sane sizes. */
  public static String page(Request r) {
    int size = Math.max(1, Math.min(r.size(), 500));
    int first = Math.max(0, r.first());
    return " OFFSET " + first + " ROWS FETCH NEXT " + size + " ROWS ONLY";
  }
}
