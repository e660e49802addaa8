package org.xeenet.trust.control;

/**
 * A worker's reputation from its trust events: {@code (good + 1) / (good + bad + 2)}, where a
 * validated result adds 1 to good, and bad adds the weight of an invalid result (1), an implausible
 * one (2) or a clawback (3). A new worker starts at 0.5; it is quarantined (gets no more leases)
 * once its score falls below the threshold ({@code xeenet.trust.quarantine-below}, default 0.25):
 * e.g. three invalid results and no valid one, or one clawback without a history.
 */
public record Reputation(double good, double bad, double score, boolean quarantined) {
  public static final double VALID_WEIGHT = 1;
  public static final double INVALID_WEIGHT = 1;
  public static final double IMPLAUSIBLE_WEIGHT = 2;
  public static final double CLAWBACK_WEIGHT = 3;
  public static final double DEFAULT_THRESHOLD = 0.25;

  public static Reputation of(double good, double bad, double threshold) {
    if (good < 0 || bad < 0) {
      throw new IllegalArgumentException("weights are not negative");
    }
    double score = (good + 1) / (good + bad + 2);
    return new Reputation(good, bad, score, score < threshold);
  }
}
