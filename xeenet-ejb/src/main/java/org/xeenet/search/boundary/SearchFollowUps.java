package org.xeenet.search.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.xeenet.campaign.boundary.CampaignOrchestrator;
import org.xeenet.campaign.entity.Campaign;
import org.xeenet.search.control.CharLMConfigGenerator.GeneratedConfig;
import org.xeenet.search.control.ConfigJson;
import org.xeenet.search.control.SearchPlan;
import org.xeenet.search.control.SearchPlan.FollowUp;
import org.xeenet.search.control.SearchPlan.TaskState;
import org.xeenet.search.entity.SearchTrial;
import org.xeenet.task.boundary.TaskAttemptExpired;
import org.xeenet.task.boundary.TaskQueue;
import org.xeenet.task.boundary.TaskResultSettled;
import org.xeenet.task.entity.TaskStatus;

/**
 * The adaptive searches' agent: when a task of a {@code tpe} or {@code asha} campaign ends with a
 * result (valid, invalid, or failed for good), adds the tasks its {@link SearchPlan} asks for, in
 * the settling transaction (the campaign row is locked by it, so two results of one campaign never
 * add the same index). A task lost for good without a result — its last lease expired, or its
 * attempts are used up — is refilled the same way, in the expiry's transaction and before the
 * campaign's completion check, so an adaptive campaign never stalls or ends early because its
 * workers vanished.
 */
@Stateless
public class SearchFollowUps {
  private static final Logger LOG = Logger.getLogger(SearchFollowUps.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Set<String> OPEN = Set.of("QUEUED", "LEASED", "SUBMITTED");

  @PersistenceContext EntityManager em;

  @EJB CampaignOrchestrator orchestrator;

  @EJB TaskQueue queue;

  public void onSettled(@Observes TaskResultSettled settled) {
    boolean taskEnded =
        "VALID".equals(settled.outcome())
            || "INVALID".equals(settled.outcome())
            || ("ATTEMPT_LOST".equals(settled.outcome())
                && TaskStatus.FAILED.name().equals(settled.taskStatus()));
    if (taskEnded) {
      refill(settled.campaignId(), settled.taskId());
    }
  }

  /** The last lease of a task expired: when the task failed for good, its slot is refilled. */
  public void onExpired(@Observes TaskAttemptExpired expired) {
    if (TaskStatus.FAILED.name().equals(expired.taskStatus())) {
      refill(expired.campaignId(), expired.taskId());
    }
  }

  private void refill(String campaignId, String endedTaskId) {
    Campaign campaign = em.find(Campaign.class, campaignId);
    if (campaign == null
        || campaign.status().isFinal()
        || !(campaign.search().equals("tpe") || campaign.search().equals("asha"))) {
      return;
    }
    SearchPlan plan = orchestrator.planFor(campaign.id());
    List<FollowUp> followUps = plan.followUps(states(campaign.id()));
    if (followUps.isEmpty()) {
      return;
    }
    List<GeneratedConfig> configs =
        followUps.stream().map(f -> resumable(plan, campaign.id(), f)).toList();
    queue.enqueue(campaign.id(), configs);
    Instant now = Instant.now();
    for (FollowUp f : followUps) {
      if (f.rung() > 0) {
        em.persist(
            new SearchTrial(
                campaign.id(),
                f.config().index(),
                f.rung(),
                f.parentIndex(),
                plan.rungBudget(f.rung()),
                now));
      }
    }
    LOG.info(
        () ->
            "campaign "
                + campaign.id()
                + " ("
                + campaign.search()
                + "): after task "
                + endedTaskId
                + " queued "
                + followUps.stream()
                    .map(f -> f.config().index() + (f.rung() > 0 ? "@rung" + f.rung() : ""))
                    .toList());
  }

  /**
   * An ASHA promotion with a step or token budget names its parent's accepted lease (whose
   * checkpoint holds the parent's weights) and the steps the parent trained, so the worker
   * continues from there to the new rung's budget. Without such a lease it starts from scratch.
   */
  private GeneratedConfig resumable(SearchPlan plan, String campaignId, FollowUp f) {
    if (f.parentIndex() == null || !plan.resumesPromotions()) {
      return f.config();
    }
    List<?> rows =
        em.createNativeQuery(
                "SELECT l.ID, t.STEPS_COMPLETED FROM XN_TASK t JOIN XN_LEASE l ON l.TASK_ID = t.ID"
                    + " WHERE t.CAMPAIGN_ID = ?1 AND t.TASK_INDEX = ?2 AND t.STATUS = 'VALID'"
                    + " AND l.ANSWER_STATUS = 'VALID' AND l.ANSWER_ACCEPTED = 1"
                    + " ORDER BY l.FINISHED_AT DESC FETCH FIRST 1 ROWS ONLY")
            .setParameter(1, campaignId)
            .setParameter(2, f.parentIndex())
            .getResultList();
    if (rows.isEmpty()) {
      return f.config();
    }
    Object[] row = (Object[]) rows.get(0);
    if (row[1] == null) {
      return f.config();
    }
    Map<String, Object> config = new java.util.LinkedHashMap<>(f.config().config());
    config.put(SearchPlan.RESUME_FROM_LEASE, row[0]);
    config.put(SearchPlan.RESUME_STEP, ((Number) row[1]).longValue());
    GeneratedConfig c = f.config();
    return new GeneratedConfig(c.index(), c.seed(), config, c.timeBudget());
  }

  /** The campaign's tasks with their rungs; values only for valid, non-simulated results. */
  List<TaskState> states(String campaignId) {
    Map<Integer, SearchTrial> trials = new HashMap<>();
    for (SearchTrial t :
        em.createQuery("SELECT s FROM SearchTrial s WHERE s.campaignId = :c", SearchTrial.class)
            .setParameter("c", campaignId)
            .getResultList()) {
      trials.put(t.taskIndex(), t);
    }
    List<TaskState> states = new ArrayList<>();
    for (Object[] row :
        em.createQuery(
                "SELECT t.index, t.configJson, t.status, t.valBpb, t.simulated FROM Task t"
                    + " WHERE t.campaignId = :c ORDER BY t.index",
                Object[].class)
            .setParameter("c", campaignId)
            .getResultList()) {
      int index = (Integer) row[0];
      Map<String, Object> config = ConfigJson.parse((String) row[1]);
      TaskStatus status = (TaskStatus) row[2];
      Double value =
          status == TaskStatus.VALID && row[3] != null && !Boolean.TRUE.equals(row[4])
              ? (Double) row[3]
              : null;
      SearchTrial trial = trials.get(index);
      states.add(
          new TaskState(
              index,
              trial == null ? 0 : trial.rung(),
              trial == null ? null : trial.parentIndex(),
              config,
              value,
              OPEN.contains(status.name())));
    }
    return states;
  }
}
