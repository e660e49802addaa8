package org.xeenet.results.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.xeenet.api.CampaignResults;
import org.xeenet.api.CampaignResults.LearningCurve;
import org.xeenet.api.CampaignResults.RankedResult;
import org.xeenet.api.CurvePoint;
import org.xeenet.api.TaskResult;
import org.xeenet.campaign.boundary.CampaignOrchestrator;
import org.xeenet.campaign.entity.Campaign;
import org.xeenet.problem.NotFoundException;
import org.xeenet.results.control.ResultsAggregator;
import org.xeenet.results.control.ResultsAggregator.Aggregate;
import org.xeenet.results.control.ResultsAggregator.Row;
import org.xeenet.results.entity.StoredResults;
import org.xeenet.search.control.ConfigJson;
import org.xeenet.search.control.SearchPlan;
import org.xeenet.search.entity.SearchTrial;

/**
 * The results agent: aggregates a campaign's valid results (called by the {@code aggregate-results}
 * job), stores the aggregation, and serves it to the campaign's owner.
 */
@Stateless
public class CampaignResultsService {
  private static final Logger LOG = Logger.getLogger(CampaignResultsService.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();

  /** Learning curves are served for this many of the best tasks. */
  public static final int CURVES = 5;

  @PersistenceContext EntityManager em;

  @EJB CampaignOrchestrator orchestrator;

  @Inject Event<AggregationRequested> requested;

  /** The stored aggregation of the owner's campaign; 404 when none exists yet. */
  public CampaignResults view(String campaignId, String ownerId) {
    owned(campaignId, ownerId);
    StoredResults stored = em.find(StoredResults.class, campaignId);
    if (stored == null) {
      throw new NotFoundException(
          "campaign "
              + campaignId
              + " has no aggregated results yet: they are computed when it ends, or on POST"
              + " /api/v1/campaigns/"
              + campaignId
              + "/results/refresh");
    }
    return JSONB.fromJson(stored.resultsJson(), CampaignResults.class);
  }

  /** Asks for a new aggregation of the owner's campaign; the job starts once this commits. */
  public void requestRefresh(String campaignId, String ownerId) {
    owned(campaignId, ownerId);
    requested.fire(new AggregationRequested(campaignId));
  }

  /** Aggregates a campaign's valid, non-simulated results now and stores the aggregation. */
  public CampaignResults aggregate(String campaignId, Long executionId) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    if (campaign == null) {
      throw new NotFoundException("no campaign " + campaignId);
    }
    long started = System.nanoTime();
    List<Row> rows = rows(campaignId);
    Aggregate aggregate = ResultsAggregator.aggregate(rows, ResultsAggregator.TOP_K);
    Map<String, List<CurvePoint>> curves =
        curves(aggregate.top().stream().limit(CURVES).map(RankedResult::taskId).toList());
    List<RankedResult> top = new ArrayList<>();
    List<LearningCurve> learning = new ArrayList<>();
    for (RankedResult r : aggregate.top()) {
      List<CurvePoint> curve = curves.get(r.taskId());
      top.add(
          new RankedResult(
              r.rank(),
              r.taskId(),
              r.index(),
              r.seed(),
              r.valBpb(),
              r.config(),
              r.rung(),
              r.stepsCompleted(),
              r.tokensProcessed(),
              r.wallTimeSeconds(),
              r.rank() == 1 ? curve : null));
      if (curve != null) {
        learning.add(new LearningCurve(r.taskId(), r.index(), r.valBpb(), curve));
      }
    }
    SearchPlan plan = orchestrator.planFor(campaignId);
    Instant now = Instant.now();
    CampaignResults results =
        new CampaignResults(
            campaignId,
            campaign.status().name(),
            campaign.search(),
            plan.budgetKind(),
            plan.budgetPerTask(),
            now,
            rows.size(),
            top.isEmpty() ? null : top.get(0),
            top,
            aggregate.effects(),
            ResultsAggregator.METHOD,
            aggregate.importance(),
            learning);
    StoredResults stored = em.find(StoredResults.class, campaignId);
    if (stored == null) {
      stored = new StoredResults(campaignId);
      em.persist(stored);
    }
    stored.update(rows.size(), JSONB.toJson(results), executionId, now);
    long ms = (System.nanoTime() - started) / 1_000_000;
    LOG.info(
        () ->
            "campaign "
                + campaignId
                + ": aggregated "
                + rows.size()
                + " results in "
                + ms
                + " ms"
                + (executionId == null
                    ? ""
                    : " (aggregate-results execution " + executionId + ")"));
    return results;
  }

  private List<Row> rows(String campaignId) {
    Map<Integer, Integer> rungs = new HashMap<>();
    for (SearchTrial t :
        em.createQuery("SELECT s FROM SearchTrial s WHERE s.campaignId = :c", SearchTrial.class)
            .setParameter("c", campaignId)
            .getResultList()) {
      rungs.put(t.taskIndex(), t.rung());
    }
    List<Row> rows = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT TASK_INDEX, ID, SEED, CONFIG_JSON, VAL_BPB, STEPS_COMPLETED,"
                    + " TOKENS_PROCESSED, WALL_TIME_SECONDS FROM XN_TASK WHERE CAMPAIGN_ID = ?1"
                    + " AND STATUS = 'VALID' AND SIMULATED = 0 AND VAL_BPB IS NOT NULL")
            .setParameter(1, campaignId)
            .getResultList()) {
      Object[] c = (Object[]) row;
      int index = ((Number) c[0]).intValue();
      rows.add(
          new Row(
              index,
              (String) c[1],
              ((Number) c[2]).longValue(),
              ConfigJson.parse((String) c[3]),
              ((Number) c[4]).doubleValue(),
              rungs.getOrDefault(index, 0),
              c[5] == null ? null : ((Number) c[5]).longValue(),
              c[6] == null ? null : ((Number) c[6]).longValue(),
              c[7] == null ? null : ((Number) c[7]).doubleValue()));
    }
    return rows;
  }

  /** The curves of the results that made these tasks VALID (the workers' TaskResult). */
  private Map<String, List<CurvePoint>> curves(List<String> taskIds) {
    Map<String, List<CurvePoint>> curves = new HashMap<>();
    if (taskIds.isEmpty()) {
      return curves;
    }
    for (Object row :
        em.createQuery(
                "SELECT l.taskId, l.resultJson FROM Lease l WHERE l.taskId IN :ids"
                    + " AND l.answerStatus = 'VALID' AND l.answerAccepted = true",
                Object[].class)
            .setParameter("ids", taskIds)
            .getResultList()) {
      Object[] c = (Object[]) row;
      if (c[1] != null) {
        TaskResult result = JSONB.fromJson((String) c[1], TaskResult.class);
        if (result.curve() != null) {
          curves.put((String) c[0], result.curve());
        }
      }
    }
    return curves;
  }

  private Campaign owned(String campaignId, String ownerId) {
    // owner, shared with, or administrator; anyone else: 404
    return orchestrator.accessible(campaignId, ownerId);
  }
}
