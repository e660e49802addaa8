package org.xeenet.economics.boundary;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;

/** The economics answers of the API ({@code GET /me}, {@code GET /leaderboard}, ledger checks). */
public final class AccountViews {
  private AccountViews() {}

  /**
   * {@code GET /me} for a researcher: credits available, held in the escrow of their campaigns,
   * spent on validated results, and granted in total. {@code balance = granted − escrow − spent}.
   */
  public record ResearcherAccount(
      @JsonbProperty("role") String role,
      @JsonbProperty("researcher_id") String researcherId,
      @JsonbProperty("name") String name,
      @JsonbProperty("admin") boolean admin,
      @JsonbProperty("account") String account,
      @JsonbProperty("balance_credits") double balanceCredits,
      @JsonbProperty("escrow_credits") double escrowCredits,
      @JsonbProperty("spent_credits") double spentCredits,
      @JsonbProperty("granted_credits") double grantedCredits) {}

  /** {@code GET /me} for a worker: its balance, what it earned, and its standing. */
  public record WorkerAccount(
      @JsonbProperty("role") String role,
      @JsonbProperty("worker_id") String workerId,
      @JsonbProperty("name") String name,
      @JsonbProperty("account") String account,
      @JsonbProperty("balance_credits") double balanceCredits,
      @JsonbProperty("credits_earned") double creditsEarned,
      @JsonbProperty("credits_clawed_back") double creditsClawedBack,
      @JsonbProperty("tasks_validated") long tasksValidated,
      @JsonbProperty("reputation") double reputation,
      @JsonbProperty("quarantined") boolean quarantined) {}

  /** One worker on the leaderboard. */
  public record LeaderboardEntry(
      @JsonbProperty("rank") int rank,
      @JsonbProperty("worker_id") String workerId,
      @JsonbProperty("name") String name,
      @JsonbProperty("credits") double credits,
      @JsonbProperty("tasks_validated") long tasksValidated) {}

  /** {@code GET /leaderboard}: the top workers by credits and by validated tasks. */
  public record Leaderboard(
      @JsonbProperty("by_credits") List<LeaderboardEntry> byCredits,
      @JsonbProperty("by_tasks_validated") List<LeaderboardEntry> byTasksValidated,
      @JsonbProperty("generated_at") Instant generatedAt) {}

  /** {@code GET /ledger/verify}. */
  public record LedgerCheck(
      @JsonbProperty("balanced") boolean balanced,
      @JsonbProperty("transactions") long transactions,
      @JsonbProperty("postings") long postings,
      @JsonbProperty("accounts") long accounts,
      @JsonbProperty("total_credits") double totalCredits,
      @JsonbProperty("unbalanced_transactions") List<String> unbalancedTransactions,
      @JsonbProperty("transactions_without_postings") List<String> transactionsWithoutPostings,
      @JsonbProperty("checked_at") Instant checkedAt) {}

  /** The answer to a clawback. */
  public record ClawbackDone(
      @JsonbProperty("lease_id") String leaseId,
      @JsonbProperty("worker_id") String workerId,
      @JsonbProperty("campaign_id") String campaignId,
      @JsonbProperty("credits_clawed_back") double creditsClawedBack,
      @JsonbProperty("credits_refunded") double creditsRefunded,
      @JsonbProperty("reputation") double reputation,
      @JsonbProperty("quarantined") boolean quarantined) {}
}
