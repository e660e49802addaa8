package org.xeenet.economics.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.xeenet.account.entity.Researcher;
import org.xeenet.api.BriefSpec;
import org.xeenet.api.TaskResult;
import org.xeenet.campaign.boundary.CampaignEnded;
import org.xeenet.campaign.entity.Campaign;
import org.xeenet.economics.boundary.AccountViews.ClawbackDone;
import org.xeenet.economics.boundary.AccountViews.Leaderboard;
import org.xeenet.economics.boundary.AccountViews.LeaderboardEntry;
import org.xeenet.economics.boundary.AccountViews.LedgerCheck;
import org.xeenet.economics.boundary.AccountViews.ResearcherAccount;
import org.xeenet.economics.boundary.AccountViews.WorkerAccount;
import org.xeenet.economics.control.Accounts;
import org.xeenet.economics.control.Credits;
import org.xeenet.economics.control.LedgerAudit;
import org.xeenet.economics.control.Metering;
import org.xeenet.economics.control.Settlement;
import org.xeenet.economics.control.Tariff;
import org.xeenet.economics.control.Transfer;
import org.xeenet.problem.ConflictException;
import org.xeenet.problem.NotFoundException;
import org.xeenet.problem.RejectedInputException;
import org.xeenet.task.boundary.TaskResultSettled;
import org.xeenet.task.entity.Task;
import org.xeenet.trust.boundary.Trust;
import org.xeenet.trust.control.Reputation;
import org.xeenet.worker.entity.Worker;

/**
 * The economics agent: researchers' starting grants, the budget hold of a campaign at launch, the
 * charge of each validated result (escrow → worker and platform), the refund of what is left when
 * the campaign ends, clawbacks, and the account views. Ledger writes happen in the caller's
 * transaction: a charge commits or rolls back with the result it pays for.
 */
@Stateless
public class Economics {
  private static final Logger LOG = Logger.getLogger(Economics.class.getName());
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type CONFIG_TYPE =
      new LinkedHashMap<String, Object>() {}.getClass().getGenericSuperclass();

  @PersistenceContext EntityManager em;

  @EJB Ledger ledger;

  @EJB Trust trust;

  @Inject
  @ConfigProperty(name = "xeenet.economics.starting-credits", defaultValue = "10000")
  double startingCredits;

  @Inject
  @ConfigProperty(name = "xeenet.economics.platform-fee", defaultValue = "0.05")
  double platformFee;

  @Inject
  @ConfigProperty(name = "xeenet.economics.quick-return-bonus", defaultValue = "0.10")
  double quickReturnBonus;

  @Inject
  @ConfigProperty(name = "xeenet.economics.quick-return-fraction", defaultValue = "0.5")
  double quickReturnFraction;

  @Inject
  @ConfigProperty(name = "xeenet.economics.reference-flops-per-s", defaultValue = "1e11")
  double referenceFlopsPerS;

  @Inject
  @ConfigProperty(name = "xeenet.economics.flops-per-credit", defaultValue = "1e12")
  double flopsPerCredit;

  /**
   * Test-only: credit simulated results like real ones, so the trust benchmark's simulated workers
   * can earn and lose credits. Off in production (simulated results earn nothing).
   */
  @Inject
  @ConfigProperty(name = "xeenet.economics.credit-simulated", defaultValue = "false")
  boolean creditSimulated;

  // the queue's lease window, to tell a quick return
  @Inject
  @ConfigProperty(name = "xeenet.lease.budget-factor", defaultValue = "2.0")
  double budgetFactor;

  @Inject
  @ConfigProperty(name = "xeenet.lease.grace-seconds", defaultValue = "60")
  int graceSeconds;

  public Tariff tariff() {
    return new Tariff(
        flopsPerCredit,
        platformFee,
        quickReturnBonus,
        quickReturnFraction,
        referenceFlopsPerS,
        startingCredits);
  }

  /** A campaign's hold: the estimate and what was moved into its escrow, in credits. */
  public record BudgetHold(double estimateCredits, double heldCredits) {}

  /**
   * Moves the campaign's budget from the researcher into its escrow: the brief's {@code
   * budget_credits}, or the estimate when it has none. Refuses (400 on {@code budget_credits}) when
   * the researcher's balance does not cover it; the caller's transaction then rolls back.
   */
  public BudgetHold hold(String campaignId, String researcherId, BriefSpec brief) {
    Tariff tariff = tariff();
    // one hold at a time per researcher: two briefs cannot both spend the same balance
    em.find(Researcher.class, researcherId, LockModeType.PESSIMISTIC_WRITE);
    ensureGranted(researcherId);
    int results = brief.replication() == null ? 1 : brief.replication();
    long estimate =
        Metering.estimateMilli(brief.numTasks(), brief.timeBudgetPerTask(), results, tariff);
    long hold = brief.budgetCredits() != null ? Credits.toMilli(brief.budgetCredits()) : estimate;
    String account = Accounts.researcher(researcherId);
    long balance = ledger.balance(account);
    if (hold > balance) {
      String message =
          String.format(
              Locale.ROOT,
              "%s %.3f credits exceeds your balance of %.3f credits (estimated cost: %.3f"
                  + " credits); lower num_tasks or time_budget_per_task, or set a smaller"
                  + " budget_credits",
              brief.budgetCredits() != null ? "the budget of" : "the estimated cost of",
              Credits.fromMilli(hold),
              Credits.fromMilli(balance),
              Credits.fromMilli(estimate));
      throw new RejectedInputException("budget_credits", message);
    }
    ledger.post(
        Transfer.move(
            Transfer.HOLD,
            campaignId,
            campaignId,
            null,
            "budget hold (estimate " + Credits.fromMilli(estimate) + " credits)",
            account,
            Accounts.escrow(campaignId),
            hold));
    return new BudgetHold(Credits.fromMilli(estimate), Credits.fromMilli(hold));
  }

  /** The starting grant, once per researcher, from the platform. */
  void ensureGranted(String researcherId) {
    String account = Accounts.researcher(researcherId);
    if (ledger.exists(Transfer.GRANT, account)) {
      return;
    }
    ledger.post(
        Transfer.move(
            Transfer.GRANT,
            account,
            null,
            null,
            "starting grant",
            Accounts.PLATFORM,
            account,
            Credits.toMilli(startingCredits)));
  }

  /**
   * Pays for a result when the queue settles it: a VALID, non-simulated, plausible result is
   * charged to its campaign's escrow and credited to its worker; an INVALID one lowers the worker's
   * reputation. Runs in the settling transaction.
   */
  public void resultSettled(@Observes TaskResultSettled settled) {
    TaskResult result = settled.result();
    switch (settled.outcome()) {
      case "VALID" -> {
        if (result == null || (Boolean.TRUE.equals(result.simulated()) && !creditSimulated)) {
          return; // simulated results are never credited (but in the trust benchmark)
        }
        pay(settled, result);
      }
      case "INVALID" ->
          trust.invalidResult(
              settled.workerId(),
              settled.leaseId(),
              settled.taskId(),
              result == null ? null : "invalid result (" + result.status() + ")",
              settled.settledAt());
      default -> {
        // ATTEMPT_LOST and IGNORED move no credits
      }
    }
  }

  private void pay(TaskResultSettled settled, TaskResult result) {
    Task task = em.find(Task.class, settled.taskId());
    Worker worker = em.find(Worker.class, settled.workerId());
    Map<String, Object> config = JSONB.fromJson(task.configJson(), CONFIG_TYPE);
    List<String> findings =
        trust.judgeValidResult(
            settled.workerId(),
            settled.leaseId(),
            settled.taskId(),
            result,
            config,
            task.timeBudget(),
            worker == null ? null : worker.profile().benchmarkTokensPerS(),
            settled.settledAt());
    if (!findings.isEmpty()) {
      return;
    }
    Tariff tariff = tariff();
    long tokens = tokens(result, config);
    long compute;
    try {
      compute = Metering.computeMilli(config, tokens, tariff);
    } catch (IllegalArgumentException e) {
      LOG.warning(() -> "task " + task.id() + ": cannot meter its config: " + e.getMessage());
      return;
    }
    boolean quick = isQuick(settled.leaseId(), settled.settledAt(), task.timeBudget(), tariff);
    long bonus = Metering.bonusMilli(compute, quick, tariff);
    String escrow = Accounts.escrow(settled.campaignId());
    Settlement settlement = Settlement.of(compute, bonus, ledger.balance(escrow), tariff);
    String memo =
        String.format(
            Locale.ROOT,
            "task %s: %d tokens × %.0f FLOPs/token%s%s",
            task.id(),
            tokens,
            Metering.trainingFlopsPerToken(config),
            quick ? ", quick return" : "",
            settlement.capped() ? ", capped at the escrow left" : "");
    ledger.post(
        new Transfer(
            Transfer.CHARGE,
            settled.leaseId(),
            settled.campaignId(),
            settled.workerId(),
            memo,
            settlement.legs(escrow, Accounts.worker(settled.workerId()))));
    if (settlement.capped()) {
      LOG.warning(
          () -> "campaign " + settled.campaignId() + ": escrow exhausted, charge capped: " + memo);
    }
  }

  /** Tokens the run processed; without the field, steps × batch_size × block_size. */
  static long tokens(TaskResult result, Map<String, Object> config) {
    if (result.tokensProcessed() != null) {
      return result.tokensProcessed();
    }
    Object batch = config.get("batch_size");
    Object block = config.get("block_size");
    if (result.stepsCompleted() != null && batch instanceof Number b && block instanceof Number c) {
      return result.stepsCompleted() * b.longValue() * c.longValue();
    }
    return 0;
  }

  private boolean isQuick(String leaseId, Instant settledAt, int timeBudget, Tariff tariff) {
    List<?> issued =
        em.createNativeQuery("SELECT ISSUED_AT FROM XN_LEASE WHERE ID = ?1")
            .setParameter(1, leaseId)
            .getResultList();
    if (issued.isEmpty() || !(issued.get(0) instanceof java.sql.Timestamp at)) {
      return false;
    }
    double turnaround = Duration.between(at.toInstant(), settledAt).toMillis() / 1000.0;
    double window = budgetFactor * timeBudget + graceSeconds;
    return Metering.isQuickReturn(turnaround, window, tariff);
  }

  /** Refunds what is left in a campaign's escrow to its researcher when the campaign ends. */
  public void campaignEnded(@Observes CampaignEnded ended) {
    Campaign campaign = em.find(Campaign.class, ended.campaignId());
    if (campaign == null) {
      return;
    }
    String escrow = Accounts.escrow(campaign.id());
    long left = ledger.balance(escrow);
    ledger.post(
        Transfer.move(
            Transfer.REFUND,
            campaign.id(),
            campaign.id(),
            null,
            "refund: campaign " + ended.status(),
            escrow,
            Accounts.researcher(campaign.ownerId()),
            Math.max(0, left)));
  }

  /**
   * Takes back the credits a result earned once it is found false: a new CLAWBACK transaction
   * reverses its CHARGE (the worker and the platform give back, the researcher is refunded), and
   * the worker's reputation falls.
   */
  public ClawbackDone clawback(String leaseId, String reason) {
    var charge =
        ledger
            .find(Transfer.CHARGE, leaseId)
            .orElseThrow(() -> new NotFoundException("no credited result for lease " + leaseId));
    if (ledger.exists(Transfer.CLAWBACK, leaseId)) {
      throw new ConflictException("the result of lease " + leaseId + " was already clawed back");
    }
    Campaign campaign =
        em.find(Campaign.class, charge.campaignId(), LockModeType.PESSIMISTIC_WRITE);
    Transfer original = ledger.transfer(Transfer.CHARGE, leaseId).orElseThrow();
    String escrow = Accounts.escrow(charge.campaignId());
    String researcher = Accounts.researcher(campaign.ownerId());
    String why = reason == null || reason.isBlank() ? "result found false" : reason.strip();
    Transfer reversal =
        original.reversal(Transfer.CLAWBACK, "clawback: " + why, escrow, researcher);
    ledger.post(reversal);
    List<?> leased =
        em.createNativeQuery("SELECT TASK_ID FROM XN_LEASE WHERE ID = ?1")
            .setParameter(1, leaseId)
            .getResultList();
    String taskId = leased.isEmpty() ? null : (String) leased.get(0);
    trust.clawedBack(charge.workerId(), leaseId, taskId, why, Instant.now());
    Reputation reputation = trust.reputation(charge.workerId());
    LOG.warning(
        () -> "clawback of lease " + leaseId + " from worker " + charge.workerId() + ": " + why);
    return new ClawbackDone(
        leaseId,
        charge.workerId(),
        charge.campaignId(),
        Credits.fromMilli(-reversal.amountOn(Accounts.worker(charge.workerId()))),
        Credits.fromMilli(reversal.amountOn(researcher)),
        reputation.score(),
        reputation.quarantined());
  }

  /**
   * A campaign's money as the portal and API show it, in credits.
   *
   * @param costCredits charged so far for validated results (less clawbacks)
   * @param budgetCredits moved into escrow at launch
   * @param escrowCredits left in escrow now (refunded when the campaign ends)
   * @param estimateCredits the estimate for its tasks at the reference rate, fee included
   */
  public record CampaignMoney(
      double costCredits, double budgetCredits, double escrowCredits, double estimateCredits) {}

  public CampaignMoney money(String campaignId, int numTasks, int timeBudget) {
    String escrow = Accounts.escrow(campaignId);
    return new CampaignMoney(
        Credits.fromMilli(ledger.campaignCost(campaignId)),
        Credits.fromMilli(ledger.sumOfKinds(escrow, List.of(Transfer.HOLD))),
        Credits.fromMilli(ledger.balance(escrow)),
        Credits.fromMilli(Metering.estimateMilli(numTasks, timeBudget, 1, tariff())));
  }

  /** What a campaign cost so far, in credits. */
  public double costCredits(String campaignId) {
    return Credits.fromMilli(ledger.campaignCost(campaignId));
  }

  public ResearcherAccount researcher(String researcherId) {
    Researcher researcher = em.find(Researcher.class, researcherId);
    if (researcher == null) {
      throw new NotFoundException("no researcher " + researcherId);
    }
    ensureGranted(researcherId);
    String account = Accounts.researcher(researcherId);
    long balance = ledger.balance(account);
    long granted = ledger.sumOfKinds(account, List.of(Transfer.GRANT));
    Number held =
        (Number)
            em.createNativeQuery(
                    "SELECT COALESCE(SUM(p.AMOUNT), 0) FROM XN_LEDGER_POSTING p"
                        + " JOIN XN_CAMPAIGN c ON p.ACCOUNT = 'escrow:' || c.ID"
                        + " WHERE c.OWNER_ID = ?1")
                .setParameter(1, researcherId)
                .getSingleResult();
    long escrow = held.longValue();
    return new ResearcherAccount(
        "researcher",
        researcherId,
        researcher.name(),
        researcher.admin(),
        account,
        Credits.fromMilli(balance),
        Credits.fromMilli(escrow),
        Credits.fromMilli(granted - balance - escrow),
        Credits.fromMilli(granted));
  }

  public WorkerAccount worker(String workerId) {
    Worker worker = em.find(Worker.class, workerId);
    if (worker == null) {
      throw new NotFoundException("no worker " + workerId);
    }
    String account = Accounts.worker(workerId);
    Reputation reputation = trust.reputation(workerId);
    return new WorkerAccount(
        "worker",
        workerId,
        worker.name(),
        account,
        Credits.fromMilli(ledger.balance(account)),
        Credits.fromMilli(ledger.sumOfKinds(account, List.of(Transfer.CHARGE))),
        Credits.fromMilli(-ledger.sumOfKinds(account, List.of(Transfer.CLAWBACK))),
        trust.validatedResults(workerId),
        reputation.score(),
        reputation.quarantined());
  }

  /** The top {@code limit} workers by credits (balance) and by validated results. */
  public Leaderboard leaderboard(int limit) {
    int top = Math.max(1, Math.min(limit, 100));
    Map<String, Long> credits = new HashMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT ACCOUNT, SUM(AMOUNT) FROM XN_LEDGER_POSTING WHERE ACCOUNT LIKE 'worker:%'"
                    + " GROUP BY ACCOUNT")
            .getResultList()) {
      Object[] columns = (Object[]) row;
      credits.put(
          ((String) columns[0]).substring(Accounts.WORKER.length()),
          ((Number) columns[1]).longValue());
    }
    Map<String, Long> validated = trust.validatedResultsByWorker();
    Set<String> ids = new HashSet<>(credits.keySet());
    ids.addAll(validated.keySet());
    Map<String, String> names = new HashMap<>();
    if (!ids.isEmpty()) {
      for (Object[] row :
          em.createQuery("SELECT w.id, w.name FROM Worker w WHERE w.id IN :ids", Object[].class)
              .setParameter("ids", new ArrayList<>(ids))
              .getResultList()) {
        names.put((String) row[0], (String) row[1]);
      }
    }
    List<LeaderboardEntry> all = new ArrayList<>();
    for (String id : ids) {
      all.add(
          new LeaderboardEntry(
              0,
              id,
              names.get(id),
              Credits.fromMilli(credits.getOrDefault(id, 0L)),
              Math.max(0, validated.getOrDefault(id, 0L))));
    }
    return new Leaderboard(
        ranked(all, LeaderboardEntry::credits, e -> e.tasksValidated(), top),
        ranked(all, e -> e.tasksValidated(), LeaderboardEntry::credits, top),
        Instant.now());
  }

  private static List<LeaderboardEntry> ranked(
      List<LeaderboardEntry> all,
      ToDoubleFunction<LeaderboardEntry> first,
      ToDoubleFunction<LeaderboardEntry> second,
      int top) {
    List<LeaderboardEntry> sorted =
        all.stream()
            .sorted(
                Comparator.comparingDouble(first)
                    .thenComparingDouble(second)
                    .reversed()
                    .thenComparing(LeaderboardEntry::workerId))
            .limit(top)
            .toList();
    List<LeaderboardEntry> ranked = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      LeaderboardEntry e = sorted.get(i);
      ranked.add(
          new LeaderboardEntry(i + 1, e.workerId(), e.name(), e.credits(), e.tasksValidated()));
    }
    return ranked;
  }

  /** The whole-ledger check. */
  public LedgerCheck verify() {
    LedgerAudit.Report report = ledger.verify();
    return new LedgerCheck(
        report.balanced(),
        report.transactions(),
        report.postings(),
        ledger.accounts(),
        Credits.fromMilli(report.totalMilli()),
        report.unbalanced(),
        report.empty(),
        Instant.now());
  }
}
