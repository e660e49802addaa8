package org.xeenet.economics.control;

/**
 * The prices of the platform, from configuration (README: "Economics and trust").
 *
 * @param flopsPerCredit training FLOPs one credit pays for ({@code
 *     xeenet.economics.flops-per-credit}, default 1e12: one credit per TFLOP)
 * @param feeRate the platform's fee on top of the metered compute, charged to the researcher
 *     ({@code xeenet.economics.platform-fee}, default 0.05)
 * @param quickBonusRate the quick-return bonus as a share of the metered compute, paid by the
 *     platform ({@code xeenet.economics.quick-return-bonus}, default 0.10)
 * @param quickFraction a result is quick when it comes back within this share of its lease's
 *     original deadline window ({@code xeenet.economics.quick-return-fraction}, default 0.5)
 * @param referenceFlopsPerS the compute rate the cost estimate assumes for one task ({@code
 *     xeenet.economics.reference-flops-per-s}, default 1e11: 100 GFLOP/s)
 * @param startingCredits each researcher's starting grant ({@code
 *     xeenet.economics.starting-credits}, default 10000)
 */
public record Tariff(
    double flopsPerCredit,
    double feeRate,
    double quickBonusRate,
    double quickFraction,
    double referenceFlopsPerS,
    double startingCredits) {

  public static final Tariff DEFAULT = new Tariff(1e12, 0.05, 0.10, 0.5, 1e11, 10_000);

  public Tariff {
    if (!(flopsPerCredit > 0) || !(referenceFlopsPerS > 0)) {
      throw new IllegalArgumentException("flops per credit and reference rate must be positive");
    }
    if (!(feeRate >= 0) || !(quickBonusRate >= 0) || !(startingCredits >= 0)) {
      throw new IllegalArgumentException("fee, bonus and starting credits must not be negative");
    }
    if (!(quickFraction >= 0 && quickFraction <= 1)) {
      throw new IllegalArgumentException("the quick-return fraction is between 0 and 1");
    }
  }
}
