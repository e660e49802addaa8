package org.xeenet.trust.control;

/**
 * Which results are checked, and how (adaptive, like BOINC's adaptive replication): a worker's
 * results are all verified and replicated until one of them was confirmed by another worker, or
 * while it has any invalid, implausible or clawed-back result; then, on probation (fewer than
 * {@code trustedAfter} confirmed results), a share {@code replicateProbation} is replicated and
 * every result verified; a trusted worker has {@code replicateTrusted} of its results replicated
 * and {@code verifyTrusted} verified. The draw is a deterministic function of the lease id, so a
 * decision can be recomputed.
 *
 * <p>Verification (a forward pass over the validation split) costs well under 1 % of the training
 * it checks, replication 100 %: replication is what the rates keep rare.
 */
public record CheckPolicy(
    int trustedAfter, double replicateProbation, double replicateTrusted, double verifyTrusted) {

  public static final CheckPolicy DEFAULT = new CheckPolicy(3, 0.1, 0.02, 0.25);

  /** The checks one result gets. */
  public record Decision(boolean verify, boolean replicate) {}

  /**
   * @param confirmed results of the worker confirmed by checks
   * @param bad weight of its invalid, implausible and clawed-back results
   * @param hasCheckpoint whether the result names a checkpoint (verification needs one)
   */
  public Decision decide(long confirmed, double bad, boolean hasCheckpoint, String leaseId) {
    double draw = draw(leaseId);
    boolean suspect = bad > 0 || confirmed == 0;
    boolean trusted = !suspect && confirmed >= trustedAfter;
    boolean verify = hasCheckpoint && (!trusted || draw < verifyTrusted);
    double replicate = suspect ? 1.0 : trusted ? replicateTrusted : replicateProbation;
    // a second, independent draw for replication (the high bits of the same hash)
    boolean replicateIt = draw2(leaseId) < replicate;
    return new Decision(verify, replicateIt);
  }

  static double draw(String key) {
    long h = mix(key.hashCode());
    return (h >>> 11) * 0x1.0p-53;
  }

  static double draw2(String key) {
    long h = mix(mix(key.hashCode()) ^ 0x9E3779B97F4A7C15L);
    return (h >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
