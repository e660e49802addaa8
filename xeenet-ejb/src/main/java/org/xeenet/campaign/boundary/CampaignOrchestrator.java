package org.xeenet.campaign.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.logging.Logger;
import org.xeenet.account.entity.Researcher;
import org.xeenet.api.BriefSpec;
import org.xeenet.api.CampaignView;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.api.TaskPage;
import org.xeenet.campaign.control.BriefValidator;
import org.xeenet.campaign.entity.Campaign;
import org.xeenet.campaign.entity.CampaignShare;
import org.xeenet.campaign.entity.CampaignStatus;
import org.xeenet.dataset.boundary.DatasetCatalog;
import org.xeenet.economics.boundary.Economics;
import org.xeenet.problem.ConflictException;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.search.control.CharLMSearchSpace;
import org.xeenet.search.control.ConfigSampler;
import org.xeenet.search.control.SearchPlan;
import org.xeenet.task.boundary.TaskQueue;
import org.xeenet.task.control.HardwareRequirement;
import org.xeenet.task.entity.TaskStatus;
import org.xeenet.worker.boundary.WorkerRegistry;

/**
 * The orchestrator agent: turns a researcher's brief into a campaign, hands it to the expansion
 * batch job, and runs the campaign's lifecycle (pause, resume, cancel).
 */
@Stateless
public class CampaignOrchestrator {
  private static final Logger LOG = Logger.getLogger(CampaignOrchestrator.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final SecureRandom SEEDS = new SecureRandom();

  @PersistenceContext EntityManager em;

  @EJB DatasetCatalog datasets;

  @EJB TaskQueue queue;

  @EJB WorkerRegistry workers;

  @EJB Economics economics;

  @Inject Event<CampaignSubmitted> submitted;

  @Inject Event<CampaignEnded> ended;
  @Inject Event<CampaignStateChanged> stateChanged;

  @Inject Event<CampaignStatusChanged> statusChanged;

  /** Validates the brief and creates its campaign; the expansion job starts after commit. */
  public CampaignView submit(BriefSpec brief, String ownerId) {
    List<FieldError> errors = new BriefValidator(new HashSet<>(datasets.names())).validate(brief);
    if (!errors.isEmpty()) {
      throw new RejectedInputException("the brief is invalid", errors);
    }
    long seed = brief.seed() != null ? brief.seed() : SEEDS.nextLong() & Long.MAX_VALUE;
    Campaign campaign =
        new Campaign(
            ownerId,
            brief.title().strip(),
            brief.description(),
            brief.template() == null ? CharLMSearchSpace.TEMPLATE : brief.template(),
            brief.dataset() == null ? DatasetCatalog.DEFAULT_DATASET : brief.dataset(),
            brief.search() == null ? "random" : brief.search(),
            brief.numTasks(),
            brief.timeBudgetPerTask(),
            seed,
            brief.priority() == null ? 0 : brief.priority(),
            HardwareRequirement.of(brief.hardware()),
            JSONB.toJson(brief),
            Instant.now());
    em.persist(campaign);
    // the estimate and the budget hold into the campaign's escrow; over the balance: 400
    economics.hold(campaign.id(), ownerId, brief);
    submitted.fire(new CampaignSubmitted(campaign.id()));
    LOG.info(
        () ->
            "campaign "
                + campaign.id()
                + " created from brief '"
                + campaign.title()
                + "': "
                + campaign.numTasks()
                + " tasks of "
                + campaign.timeBudget()
                + " s");
    return view(campaign);
  }

  /** The sampler that draws the configurations of the tasks the expansion job queues. */
  public ConfigSampler generatorFor(String campaignId) {
    return planFor(campaignId).expansionSampler();
  }

  /** How this campaign searches (sampler, budgets, follow-up tasks of adaptive searches). */
  public SearchPlan planFor(String campaignId) {
    return planOf(campaign(campaignId));
  }

  private static SearchPlan planOf(Campaign campaign) {
    BriefSpec brief = JSONB.fromJson(campaign.briefJson(), BriefSpec.class);
    List<FieldError> errors = new ArrayList<>();
    CharLMSearchSpace space = CharLMSearchSpace.withOverrides(brief.searchSpace(), errors);
    if (!errors.isEmpty()) {
      throw new IllegalStateException("stored brief no longer valid: " + errors);
    }
    return new SearchPlan(
        campaign.search(),
        space,
        campaign.campaignSeed(),
        campaign.numTasks(),
        campaign.timeBudget(),
        brief.budgetSteps(),
        brief.budgetTokens(),
        brief.parallelTasks());
  }

  public int numTasks(String campaignId) {
    return campaign(campaignId).numTasks();
  }

  /** The tasks the expansion job queues: num_tasks, or the first ones of an adaptive search. */
  public int initialTasks(String campaignId) {
    return planFor(campaignId).initialTasks();
  }

  public void expansionStarted(String campaignId, long jobId) {
    campaign(campaignId).expansionStarted(jobId);
    LOG.info(() -> "campaign " + campaignId + ": expansion job " + jobId + " started");
  }

  public void expansionFinished(String campaignId) {
    Campaign campaign = em.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
    long queued = queuedSoFar(campaignId);
    int expected = planOf(campaign).initialTasks();
    if (queued != expected) {
      campaign.expansionFailed("expected " + expected + " tasks, found " + queued, Instant.now());
      ended.fire(new CampaignEnded(campaignId, campaign.status().name()));
    } else {
      campaign.expanded();
      statusChanged.fire(new CampaignStatusChanged(campaignId, campaign.status().name()));
    }
    LOG.info(
        () ->
            "campaign " + campaignId + " expanded into " + queued + " tasks: " + campaign.status());
  }

  /**
   * An expansion job failed. When another run of the job (a recovery after a restart, or a second
   * instance) has queued every task anyway, the campaign runs; otherwise it failed.
   */
  public void expansionFailed(String campaignId, String reason) {
    Campaign campaign = em.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
    if (campaign == null || campaign.status() != CampaignStatus.EXPANDING) {
      return;
    }
    if (queuedSoFar(campaignId) == planOf(campaign).initialTasks()) {
      campaign.expanded();
      statusChanged.fire(new CampaignStatusChanged(campaignId, campaign.status().name()));
      LOG.info(() -> "campaign " + campaignId + ": every task is queued despite: " + reason);
      return;
    }
    campaign.expansionFailed(reason, Instant.now());
    ended.fire(new CampaignEnded(campaignId, campaign.status().name()));
    LOG.warning(() -> "campaign " + campaignId + ": expansion failed: " + reason);
  }

  private long queuedSoFar(String campaignId) {
    return queue.counts(campaignId).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Campaigns created before {@code instant} still waiting for their expansion. */
  public List<String> expandingSince(Instant instant) {
    return em.createQuery(
            "SELECT c.id FROM Campaign c WHERE c.status = :s AND c.createdAt < :t", String.class)
        .setParameter("s", CampaignStatus.EXPANDING)
        .setParameter("t", instant)
        .getResultList();
  }

  public Long expansionJobId(String campaignId) {
    return campaign(campaignId).expansionJobId();
  }

  /**
   * The caller's campaigns and those shared with them, newest first; an administrator sees every
   * campaign.
   */
  public List<CampaignView> list(String ownerId) {
    var query =
        isAdministrator(ownerId)
            ? em.createQuery("SELECT c FROM Campaign c ORDER BY c.createdAt DESC", Campaign.class)
            : em.createQuery(
                    "SELECT c FROM Campaign c WHERE c.ownerId = :o OR c.id IN (SELECT s.campaignId"
                        + " FROM CampaignShare s WHERE s.researcherId = :o)"
                        + " ORDER BY c.createdAt DESC",
                    Campaign.class)
                .setParameter("o", ownerId);
    return query.getResultList().stream().map(this::view).toList();
  }

  private boolean isAdministrator(String researcherId) {
    Researcher researcher = em.find(Researcher.class, researcherId);
    return researcher != null && researcher.admin();
  }

  public CampaignView detail(String campaignId, String ownerId) {
    return view(owned(campaignId, ownerId));
  }

  public TaskPage tasks(
      String campaignId, String ownerId, String status, int page, int pageSize, String sort) {
    owned(campaignId, ownerId);
    TaskStatus filter = null;
    if (status != null && !status.isBlank()) {
      try {
        filter = TaskStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new RejectedInputException(
            "status", "must be one of " + java.util.Arrays.toString(TaskStatus.values()));
      }
    }
    if (sort != null && !sort.equals("index") && !sort.equals("val_bpb")) {
      throw new RejectedInputException("sort", "must be index or val_bpb");
    }
    return queue.page(campaignId, filter, page, pageSize, sort);
  }

  public CampaignView pause(String campaignId, String ownerId) {
    Campaign campaign = lockedOwned(campaignId, ownerId);
    transition(campaign, campaign::pause);
    return view(campaign);
  }

  public CampaignView resume(String campaignId, String ownerId) {
    Campaign campaign = lockedOwned(campaignId, ownerId);
    transition(campaign, campaign::resume);
    return view(campaign);
  }

  public CampaignView cancel(String campaignId, String ownerId) {
    Campaign campaign = lockedOwned(campaignId, ownerId);
    transition(campaign, () -> campaign.cancel(Instant.now()));
    queue.cancelOpenTasks(campaignId);
    ended.fire(new CampaignEnded(campaignId, campaign.status().name()));
    return view(campaign);
  }

  private void transition(Campaign campaign, Runnable change) {
    try {
      change.run();
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage());
    }
    statusChanged.fire(new CampaignStatusChanged(campaign.id(), campaign.status().name()));
    LOG.info(() -> "campaign " + campaign.id() + " is now " + campaign.status());
    stateChanged.fire(new CampaignStateChanged(campaign.id(), campaign.status().name()));
  }

  private Campaign campaign(String id) {
    Campaign campaign = em.find(Campaign.class, id);
    if (campaign == null) {
      throw new NotFoundException("no campaign " + id);
    }
    return campaign;
  }

  /**
   * The campaign if the researcher may see and steer it: its owner, a researcher it is shared with,
   * or an administrator; for anyone else it does not exist (404).
   */
  public Campaign accessible(String id, String researcherId) {
    return owned(id, researcherId);
  }

  private Campaign owned(String id, String ownerId) {
    Campaign campaign = campaign(id);
    if (!campaign.ownerId().equals(ownerId)
        && !isAdministrator(ownerId)
        && em.find(CampaignShare.class, new CampaignShare.Key(id, ownerId)) == null) {
      // not revealing that it exists
      throw new NotFoundException("no campaign " + id);
    }
    return campaign;
  }

  private Campaign lockedOwned(String id, String ownerId) {
    owned(id, ownerId);
    return em.find(Campaign.class, id, LockModeType.PESSIMISTIC_WRITE);
  }

  CampaignView view(Campaign c) {
    SearchPlan budget = planOf(c);
    Economics.CampaignMoney money = economics.money(c.id(), c.numTasks(), c.timeBudget());
    String detail = c.statusDetail();
    HardwareRequirement hardware = c.hardware();
    if (c.status() == CampaignStatus.RUNNING
        && !hardware.isNone()
        && workers.countMeeting(hardware) == 0) {
      detail = "no registered worker meets its hardware requirements (" + hardware.describe() + ")";
    }
    return new CampaignView(
        c.id(),
        c.title(),
        c.description(),
        c.status().name(),
        detail,
        c.template(),
        c.datasetName(),
        c.search(),
        c.numTasks(),
        c.timeBudget(),
        c.createdAt(),
        c.finishedAt(),
        queue.counts(c.id()),
        queue.best(c.id()).orElse(null),
        money.costCredits(),
        c.priority(),
        hardware.asProfile(),
        budget.budgetKind(),
        budget.budgetPerTask(),
        money.budgetCredits(),
        money.escrowCredits(),
        money.estimateCredits());
  }
}
