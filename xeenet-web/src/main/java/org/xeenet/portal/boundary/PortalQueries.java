package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Type;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xeenet.api.CampaignResults.ParameterImportance;
import org.xeenet.api.CampaignView;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.TaskResult;
import org.xeenet.api.TaskView;
import org.xeenet.campaign.boundary.CampaignOrchestrator;
import org.xeenet.economics.boundary.AccountViews.WorkerAccount;
import org.xeenet.economics.boundary.Economics;
import org.xeenet.portal.control.ChartData;
import org.xeenet.portal.control.TaskTableQuery;
import org.xeenet.portal.control.WorkerStatus;
import org.xeenet.problem.NotFoundException;
import org.xeenet.results.control.ResultsAggregator;

/**
 * The portal's read-only queries that the REST agents do not answer in one go: every valid
 * configuration of a campaign with its val_bpb (for the charts), one task with its attempts and
 * curve, and the workers with what they did and earned. Ownership is checked through the
 * orchestrator first: a campaign that is not the caller's is a 404.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class PortalQueries {
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type CONFIG_TYPE =
      new LinkedHashMap<String, Object>() {}.getClass().getGenericSuperclass();

  /** How many of the best tasks' learning curves the campaign page draws. */
  static final int CURVES = 5;

  // the EJB module's unit (see PersistenceContextProducer): in the EAR this module has none
  @jakarta.inject.Inject EntityManager em;

  @EJB CampaignOrchestrator orchestrator;

  @EJB Economics economics;

  @jakarta.inject.Inject ChartCache cache;

  /**
   * The chart document of a campaign (see {@link ChartData}), from the cache while its valid
   * results and status are unchanged.
   */
  public String chartJson(String campaignId, String callerId) {
    CampaignView view = orchestrator.detail(campaignId, callerId);
    Object[] stamp =
        (Object[])
            em.createNativeQuery(
                    "SELECT COUNT(*), MAX(FINISHED_AT) FROM XN_TASK WHERE CAMPAIGN_ID = ?1"
                        + " AND STATUS = 'VALID' AND SIMULATED = 0 AND VAL_BPB IS NOT NULL")
                .setParameter(1, campaignId)
                .getSingleResult();
    String key = view.status() + "/" + stamp[0] + "/" + stamp[1];
    return cache.get(campaignId, key, () -> computeChartJson(campaignId, view));
  }

  private String computeChartJson(String campaignId, CampaignView view) {
    List<ChartData.Point> points = new ArrayList<>();
    List<ResultsAggregator.Row> rows = new ArrayList<>();
    Map<Integer, String> ids = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT TASK_INDEX, ID, CONFIG_JSON, VAL_BPB, FINISHED_AT, SEED, STEPS_COMPLETED,"
                    + " TOKENS_PROCESSED, WALL_TIME_SECONDS FROM XN_TASK"
                    + " WHERE CAMPAIGN_ID = ?1 AND STATUS = 'VALID' AND SIMULATED = 0"
                    + " AND VAL_BPB IS NOT NULL")
            .setParameter(1, campaignId)
            .getResultList()) {
      Object[] c = (Object[]) row;
      int index = ((Number) c[0]).intValue();
      ids.put(index, (String) c[1]);
      ChartData.Point point =
          new ChartData.Point(
              index, ((Number) c[3]).doubleValue(), config((String) c[2]), instant(c[4]));
      points.add(point);
      rows.add(
          new ResultsAggregator.Row(
              index,
              (String) c[1],
              ((Number) c[5]).longValue(),
              point.config(),
              point.valBpb(),
              0,
              c[6] == null ? null : ((Number) c[6]).longValue(),
              c[7] == null ? null : ((Number) c[7]).longValue(),
              doubleOrNull(c[8])));
    }
    List<ChartData.Share> importance = new ArrayList<>();
    if (!rows.isEmpty()) {
      for (ParameterImportance p : ResultsAggregator.aggregate(rows, 1).importance()) {
        importance.add(new ChartData.Share(p.parameter(), p.share()));
      }
      importance.sort(Comparator.comparingDouble(ChartData.Share::share).reversed());
    }
    List<ChartData.Point> top =
        points.stream()
            .sorted(Comparator.comparingDouble(ChartData.Point::valBpb))
            .limit(CURVES)
            .toList();
    Map<String, List<CurvePoint>> curves =
        curves(top.stream().map(p -> ids.get(p.index())).toList());
    List<ChartData.Curve> drawn = new ArrayList<>();
    for (ChartData.Point p : top) {
      List<CurvePoint> curve = curves.get(ids.get(p.index()));
      if (curve != null && !curve.isEmpty()) {
        drawn.add(new ChartData.Curve(p.index(), p.valBpb(), curve));
      }
    }
    boolean live = !org.xeenet.portal.control.Lifecycle.isFinished(view.status());
    return ChartData.json(points, drawn, importance, live);
  }

  private Map<String, List<CurvePoint>> curves(List<String> taskIds) {
    Map<String, List<CurvePoint>> curves = new HashMap<>();
    if (taskIds.isEmpty()) {
      return curves;
    }
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < taskIds.size(); i++) {
      in.append(i == 0 ? "?" : ", ?").append(i + 1);
    }
    var query =
        em.createNativeQuery(
            "SELECT TASK_ID, RESULT_JSON FROM XN_LEASE WHERE ANSWER_STATUS = 'VALID'"
                + " AND ANSWER_ACCEPTED = 1 AND TASK_ID IN ("
                + in
                + ")");
    for (int i = 0; i < taskIds.size(); i++) {
      query.setParameter(i + 1, taskIds.get(i));
    }
    for (Object row : query.getResultList()) {
      Object[] c = (Object[]) row;
      List<CurvePoint> curve = curve(text(c[1]));
      if (curve != null) {
        curves.put((String) c[0], curve);
      }
    }
    return curves;
  }

  /** One attempt at a task: its lease and what came of it. */
  public record Attempt(
      int attempt,
      String leaseId,
      String workerId,
      String workerName,
      String state,
      Instant issuedAt,
      Instant finishedAt,
      Instant lastHeartbeatAt,
      Long progressStep,
      String answerStatus,
      String error,
      String resultStatus) {}

  /** A check the trust agent made of a result of the task. */
  public record Check(String kind, String workerId, String detail, Instant at) {}

  /** One task as its page shows it. */
  public record TaskDetail(
      CampaignView campaign,
      String taskId,
      int index,
      String status,
      Map<String, Object> config,
      long seed,
      int timeBudget,
      int attempts,
      int maxAttempts,
      String workerId,
      String workerName,
      Double valBpb,
      Double trainLoss,
      Long stepsCompleted,
      Double wallTimeSeconds,
      String deviceUsed,
      Long tokensProcessed,
      boolean simulated,
      String failureReasons,
      Instant createdAt,
      Instant finishedAt,
      List<Attempt> history,
      List<Check> checks,
      List<CurvePoint> curve) {}

  /** The task of this index in the caller's campaign; 404 when either is unknown. */
  public TaskDetail task(String campaignId, int index, String callerId) {
    CampaignView campaign = orchestrator.detail(campaignId, callerId);
    List<?> found =
        em.createNativeQuery(
                "SELECT ID, STATUS, CONFIG_JSON, SEED, TIME_BUDGET, ATTEMPTS, MAX_ATTEMPTS,"
                    + " WORKER_ID, VAL_BPB, TRAIN_LOSS, STEPS_COMPLETED, WALL_TIME_SECONDS,"
                    + " DEVICE_USED, TOKENS_PROCESSED, SIMULATED, FAILURE_REASONS, CREATED_AT,"
                    + " FINISHED_AT FROM XN_TASK WHERE CAMPAIGN_ID = ?1 AND TASK_INDEX = ?2")
            .setParameter(1, campaignId)
            .setParameter(2, index)
            .getResultList();
    if (found.isEmpty()) {
      throw new NotFoundException("no task " + index + " in campaign " + campaignId);
    }
    Object[] t = (Object[]) found.get(0);
    String taskId = (String) t[0];
    Map<String, String> names = new HashMap<>();
    List<Attempt> history = new ArrayList<>();
    List<CurvePoint> curve = null;
    for (Object row :
        em.createNativeQuery(
                "SELECT l.ATTEMPT, l.ID, l.WORKER_ID, w.NAME, l.STATE, l.ISSUED_AT,"
                    + " l.FINISHED_AT, l.LAST_HEARTBEAT_AT, l.PROGRESS_STEP, l.ANSWER_STATUS,"
                    + " l.ANSWER_ACCEPTED, l.RESULT_JSON FROM XN_LEASE l"
                    + " LEFT JOIN XN_WORKER w ON w.ID = l.WORKER_ID"
                    + " WHERE l.TASK_ID = ?1 ORDER BY l.ISSUED_AT")
            .setParameter(1, taskId)
            .getResultList()) {
      Object[] l = (Object[]) row;
      names.put((String) l[2], (String) l[3]);
      String json = text(l[11]);
      TaskResult result = null;
      if (json != null) {
        try {
          result = JSONB.fromJson(json, TaskResult.class);
        } catch (RuntimeException e) {
          result = null;
        }
      }
      boolean accepted = l[10] instanceof Number n && n.intValue() == 1;
      if (result != null && accepted && "VALID".equals(l[9]) && result.curve() != null) {
        curve = result.curve();
      }
      history.add(
          new Attempt(
              ((Number) l[0]).intValue(),
              (String) l[1],
              (String) l[2],
              (String) l[3],
              (String) l[4],
              instant(l[5]),
              instant(l[6]),
              instant(l[7]),
              l[8] == null ? null : ((Number) l[8]).longValue(),
              (String) l[9],
              result == null ? null : result.error(),
              result == null ? null : result.status()));
    }
    List<Check> checks = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT KIND, WORKER_ID, DETAIL, CREATED_AT FROM XN_TRUST_EVENT WHERE TASK_ID = ?1"
                    + " ORDER BY CREATED_AT")
            .setParameter(1, taskId)
            .getResultList()) {
      Object[] c = (Object[]) row;
      checks.add(new Check((String) c[0], (String) c[1], (String) c[2], instant(c[3])));
    }
    String workerId = (String) t[7];
    String workerName = workerId == null ? null : names.get(workerId);
    if (workerId != null && workerName == null) {
      List<?> name =
          em.createNativeQuery("SELECT NAME FROM XN_WORKER WHERE ID = ?1")
              .setParameter(1, workerId)
              .getResultList();
      workerName = name.isEmpty() ? null : (String) name.get(0);
    }
    return new TaskDetail(
        campaign,
        taskId,
        index,
        (String) t[1],
        config((String) t[2]),
        ((Number) t[3]).longValue(),
        ((Number) t[4]).intValue(),
        ((Number) t[5]).intValue(),
        ((Number) t[6]).intValue(),
        workerId,
        workerName,
        doubleOrNull(t[8]),
        doubleOrNull(t[9]),
        t[10] == null ? null : ((Number) t[10]).longValue(),
        doubleOrNull(t[11]),
        (String) t[12],
        t[13] == null ? null : ((Number) t[13]).longValue(),
        t[14] instanceof Number n && n.intValue() == 1,
        (String) t[15],
        instant(t[16]),
        instant(t[17]),
        history,
        checks,
        curve == null ? List.of() : curve);
  }

  /** A worker as the volunteer pages list it. */
  public record WorkerSummary(
      String workerId,
      String name,
      String status,
      String device,
      Double benchmarkTokensPerS,
      Instant registeredAt,
      Instant lastSeenAt,
      long tasksDone,
      long tasksFailed,
      double creditsEarned,
      double balance,
      double reputation,
      boolean quarantined) {}

  /** Every registered worker, most tasks done first. */
  public List<WorkerSummary> workers() {
    Map<String, long[]> done = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT WORKER_ID, ANSWER_STATUS, COUNT(*) FROM XN_LEASE"
                    + " WHERE ANSWER_STATUS IS NOT NULL GROUP BY WORKER_ID, ANSWER_STATUS")
            .getResultList()) {
      Object[] c = (Object[]) row;
      long[] counts = done.computeIfAbsent((String) c[0], k -> new long[2]);
      if ("VALID".equals(c[1])) {
        counts[0] += ((Number) c[2]).longValue();
      } else {
        counts[1] += ((Number) c[2]).longValue();
      }
    }
    Map<String, Integer> active = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT WORKER_ID, COUNT(*) FROM XN_LEASE WHERE STATE = 'ACTIVE' GROUP BY WORKER_ID")
            .getResultList()) {
      Object[] c = (Object[]) row;
      active.put((String) c[0], ((Number) c[1]).intValue());
    }
    Instant now = Instant.now();
    List<WorkerSummary> workers = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT ID, NAME, CPU_CORES, RAM_GB, GPU_NAME, GPU_VRAM_GB, OS, ARCH,"
                    + " BENCHMARK_TOKENS_PER_S, REGISTERED_AT, LAST_SEEN_AT FROM XN_WORKER")
            .getResultList()) {
      Object[] w = (Object[]) row;
      String id = (String) w[0];
      WorkerAccount account = economics.worker(id);
      long[] counts = done.getOrDefault(id, new long[2]);
      Instant lastSeen = instant(w[10]);
      workers.add(
          new WorkerSummary(
              id,
              (String) w[1],
              WorkerStatus.of(lastSeen, active.getOrDefault(id, 0), now),
              WorkerStatus.device(
                  w[2] == null ? null : ((Number) w[2]).intValue(),
                  doubleOrNull(w[3]),
                  (String) w[4],
                  doubleOrNull(w[5]),
                  (String) w[6],
                  (String) w[7]),
              doubleOrNull(w[8]),
              instant(w[9]),
              lastSeen,
              counts[0],
              counts[1],
              account.creditsEarned(),
              account.balanceCredits(),
              account.reputation(),
              account.quarantined()));
    }
    workers.sort(
        Comparator.comparingLong(WorkerSummary::tasksDone)
            .reversed()
            .thenComparing(WorkerSummary::name, Comparator.nullsLast(Comparator.naturalOrder())));
    return workers;
  }

  /** A row of the task table: the task and its worker's name. */
  public record TableRow(TaskView task, String workerName) {}

  /** How many tasks of the caller's campaign pass the table's filters. */
  public long taskCount(String campaignId, String callerId, TaskTableQuery.Request request) {
    requireVisible(campaignId, callerId);
    var query =
        em.createNativeQuery(
            (request.workerFilter() == null
                    ? "SELECT COUNT(*) FROM XN_TASK t"
                    : "SELECT COUNT(*) FROM XN_TASK t LEFT JOIN XN_WORKER w ON w.ID = t.WORKER_ID")
                + TaskTableQuery.where(request));
    bind(query, campaignId, request);
    return ((Number) query.getSingleResult()).longValue();
  }

  /** One page of the caller's campaign's task table, filtered and sorted. */
  public List<TableRow> taskPage(
      String campaignId, String callerId, TaskTableQuery.Request request) {
    requireVisible(campaignId, callerId);
    var query =
        em.createNativeQuery(
            "SELECT t.ID, t.TASK_INDEX, t.STATUS, t.CONFIG_JSON, t.SEED, t.TIME_BUDGET,"
                + " t.ATTEMPTS, t.WORKER_ID, t.LEASE_EXPIRES_AT, t.VAL_BPB, t.TRAIN_LOSS,"
                + " t.STEPS_COMPLETED, t.WALL_TIME_SECONDS, t.DEVICE_USED, t.TOKENS_PROCESSED,"
                + " t.SIMULATED, t.FAILURE_REASONS, t.FINISHED_AT, w.NAME"
                + " FROM XN_TASK t LEFT JOIN XN_WORKER w ON w.ID = t.WORKER_ID"
                + TaskTableQuery.where(request)
                + TaskTableQuery.orderBy(request)
                + TaskTableQuery.page(request));
    bind(query, campaignId, request);
    List<TableRow> page = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] t = (Object[]) row;
      TaskView view =
          new TaskView(
              (String) t[0],
              campaignId,
              ((Number) t[1]).intValue(),
              (String) t[2],
              config((String) t[3]),
              ((Number) t[4]).longValue(),
              ((Number) t[5]).intValue(),
              ((Number) t[6]).intValue(),
              (String) t[7],
              instant(t[8]),
              doubleOrNull(t[9]),
              doubleOrNull(t[10]),
              t[11] == null ? null : ((Number) t[11]).longValue(),
              doubleOrNull(t[12]),
              (String) t[13],
              t[14] == null ? null : ((Number) t[14]).longValue(),
              t[15] instanceof Number n && n.intValue() == 1,
              (String) t[16],
              instant(t[17]));
      page.add(new TableRow(view, (String) t[18]));
    }
    return page;
  }

  /**
   * The orchestrator's visibility rule (the owner, an administrator, or a researcher it is shared
   * with) in one query, for the table's pages and counts, which the poll asks for every few
   * seconds: 404 otherwise.
   */
  void requireVisible(String campaignId, String callerId) {
    Number visible =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM XN_CAMPAIGN c WHERE c.ID = ?1 AND (c.OWNER_ID = ?2"
                        + " OR EXISTS (SELECT 1 FROM XN_RESEARCHER r WHERE r.ID = ?2"
                        + " AND r.IS_ADMIN = 1)"
                        + " OR EXISTS (SELECT 1 FROM XN_CAMPAIGN_SHARE s WHERE s.CAMPAIGN_ID = ?1"
                        + " AND s.RESEARCHER_ID = ?2))")
                .setParameter(1, campaignId)
                .setParameter(2, callerId)
                .getSingleResult();
    if (visible.intValue() == 0) {
      throw new NotFoundException("no campaign " + campaignId);
    }
  }

  private static void bind(
      jakarta.persistence.Query query, String campaignId, TaskTableQuery.Request request) {
    query.setParameter(1, campaignId);
    int position = 2;
    for (Object value : TaskTableQuery.parameters(request)) {
      query.setParameter(position++, value);
    }
  }

  /** Workers the server heard from in the last five minutes. */
  public long workersOnline() {
    Number n =
        (Number)
            em.createNativeQuery("SELECT COUNT(*) FROM XN_WORKER WHERE LAST_SEEN_AT >= ?1")
                .setParameter(1, Timestamp.from(Instant.now().minus(WorkerStatus.ONLINE_WINDOW)))
                .getSingleResult();
    return n.longValue();
  }

  static Map<String, Object> config(String json) {
    if (json == null) {
      return Map.of();
    }
    Map<String, Object> config = JSONB.fromJson(json, CONFIG_TYPE);
    return config == null ? Map.of() : config;
  }

  static List<CurvePoint> curve(String resultJson) {
    if (resultJson == null) {
      return null;
    }
    try {
      TaskResult result = JSONB.fromJson(resultJson, TaskResult.class);
      return result == null ? null : result.curve();
    } catch (RuntimeException e) {
      return null;
    }
  }

  static String text(Object clob) {
    if (clob == null) {
      return null;
    }
    if (clob instanceof String s) {
      return s;
    }
    if (clob instanceof java.sql.Clob c) {
      try {
        return c.getSubString(1, (int) c.length());
      } catch (java.sql.SQLException e) {
        return null;
      }
    }
    if (clob instanceof char[] chars) {
      return new String(chars);
    }
    return clob.toString();
  }

  static Instant instant(Object value) {
    if (value instanceof Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof java.util.Date d) {
      return d.toInstant();
    }
    return null;
  }

  static Double doubleOrNull(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }
}
