package org.xeenet.economics.control;

import java.util.List;
import org.xeenet.economics.control.Transfer.Leg;

/**
 * The charge for one validated result: the researcher pays the metered compute plus the platform's
 * fee out of the campaign's escrow, the worker receives the compute plus any quick-return bonus,
 * which the platform pays out of its fee (and beyond it, out of its own account). When the escrow
 * holds less than compute + fee, compute and fee shrink in proportion to what is left: a campaign
 * never costs more than its hold.
 *
 * @param computeMilli what the worker earns for its compute
 * @param feeMilli the platform's fee
 * @param bonusMilli the quick-return bonus (platform to worker)
 * @param capped true when the escrow could not pay the full amount
 */
public record Settlement(long computeMilli, long feeMilli, long bonusMilli, boolean capped) {

  public static Settlement of(
      long meteredComputeMilli, long bonusMilli, long escrowAvailableMilli, Tariff tariff) {
    if (meteredComputeMilli < 0 || bonusMilli < 0) {
      throw new IllegalArgumentException("compute and bonus are not negative");
    }
    long compute = meteredComputeMilli;
    long fee = Math.round(compute * tariff.feeRate());
    long available = Math.max(0, escrowAvailableMilli);
    boolean capped = false;
    if (compute + fee > available) {
      capped = true;
      compute = (long) Math.floor(available / (1 + tariff.feeRate()));
      fee = available - compute;
      if (meteredComputeMilli > 0) {
        bonusMilli = Math.round(bonusMilli * (compute / (double) meteredComputeMilli));
      }
    }
    return new Settlement(compute, fee, bonusMilli, capped);
  }

  /** What the researcher pays: compute and fee, out of the escrow. */
  public long chargedMilli() {
    return computeMilli + feeMilli;
  }

  /** What the worker receives. */
  public long earnedMilli() {
    return computeMilli + bonusMilli;
  }

  /** The transaction's legs; they sum to zero. */
  public List<Leg> legs(String escrow, String worker) {
    return List.of(
        new Leg(escrow, -chargedMilli()),
        new Leg(worker, earnedMilli()),
        new Leg(Accounts.PLATFORM, feeMilli - bonusMilli));
  }
}
