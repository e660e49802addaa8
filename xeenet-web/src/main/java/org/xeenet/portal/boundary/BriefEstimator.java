package org.xeenet.portal.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.HashSet;
import java.util.List;
import org.xeenet.api.BriefEstimate;
import org.xeenet.api.BriefSpec;
import org.xeenet.api.Problem.FieldError;
import org.xeenet.campaign.control.BriefValidator;
import org.xeenet.dataset.boundary.DatasetCatalog;
import org.xeenet.economics.boundary.Economics;
import org.xeenet.economics.control.Credits;
import org.xeenet.economics.control.Metering;
import org.xeenet.portal.control.Eta;
import org.xeenet.problem.RejectedInputException;

/**
 * The cost and time of a brief before launch, for the wizard's last step and {@code POST
 * /briefs/estimate}: the economics agent's estimate (the amount it would hold), the caller's
 * balance, and the ETA with the workers online now. A brief the orchestrator would refuse is a 400
 * with the same field errors; nothing is written.
 */
@Stateless
public class BriefEstimator {
  @EJB DatasetCatalog datasets;

  @EJB Economics economics;

  @EJB PortalQueries queries;

  public BriefEstimate estimate(BriefSpec brief, String researcherId) {
    List<FieldError> errors = validate(brief);
    if (!errors.isEmpty()) {
      throw new RejectedInputException("the brief is invalid", errors);
    }
    int replication = brief.replication() == null ? 1 : brief.replication();
    long runs = (long) brief.numTasks() * replication;
    long estimate =
        Metering.estimateMilli(
            brief.numTasks(), brief.timeBudgetPerTask(), replication, economics.tariff());
    long hold = brief.budgetCredits() != null ? Credits.toMilli(brief.budgetCredits()) : estimate;
    double balance = economics.researcher(researcherId).balanceCredits();
    long online = queries.workersOnline();
    return new BriefEstimate(
        runs,
        Credits.fromMilli(estimate),
        Credits.fromMilli(hold),
        balance,
        Credits.fromMilli(hold) <= balance,
        online,
        Eta.seconds(runs, brief.timeBudgetPerTask(), online),
        runs * brief.timeBudgetPerTask() / 3600.0);
  }

  /** The orchestrator's own checks of a brief (without creating anything). */
  public List<FieldError> validate(BriefSpec brief) {
    return new BriefValidator(new HashSet<>(datasets.names())).validate(brief);
  }
}
