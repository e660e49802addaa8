package org.xeenet.trust.control;

import java.util.ArrayList;
import java.util.List;
import org.xeenet.api.CurvePoint;

/**
 * Whether a check's measurement agrees with the result it checks, within tolerances measured on the
 * real trainer (docs/economics-and-trust.md, "Tolerances"). DJL on CPU is not bit-reproducible
 * (thread scheduling changes float sums), so agreement is closeness, not equality.
 *
 * @param verifyBpb largest |recomputed − claimed| val_bpb for a recomputation from the checkpoint
 * @param replicaBpb largest |replica − claimed| val_bpb, absolute part
 * @param replicaBpbRelative ... and relative part (the tolerance is the larger of the two)
 * @param replicaLoss largest |replica − claimed| train_loss at shared steps of the curves
 * @param curveFrom curve points before this step are not compared (the smoothed loss of the first
 *     steps averages too few of them)
 */
public record Agreement(
    double verifyBpb,
    double replicaBpb,
    double replicaBpbRelative,
    double replicaLoss,
    long curveFrom) {

  public static final Agreement DEFAULT = new Agreement(0.02, 0.08, 0.03, 0.2, 20);

  /** A verdict, with what disagreed. */
  public record Verdict(boolean agrees, String detail) {}

  public Verdict verify(double claimed, Double recomputed) {
    if (recomputed == null || !Double.isFinite(recomputed)) {
      return new Verdict(false, "the verifier reported no val_bpb");
    }
    double d = Math.abs(recomputed - claimed);
    return d <= verifyBpb
        ? new Verdict(
            true, String.format(java.util.Locale.ROOT, "recomputed val_bpb %.4f", recomputed))
        : new Verdict(
            false,
            String.format(
                java.util.Locale.ROOT,
                "val_bpb %.4f claimed, %.4f recomputed from the checkpoint (tolerance %.3f)",
                claimed,
                recomputed,
                verifyBpb));
  }

  public Verdict replicate(
      double claimedBpb,
      List<CurvePoint> claimedCurve,
      Double replicaBpb,
      List<CurvePoint> replicaCurve) {
    if (replicaBpb == null || !Double.isFinite(replicaBpb)) {
      return new Verdict(false, "the replica reported no val_bpb");
    }
    List<String> problems = new ArrayList<>();
    double tolerance = Math.max(replicaBpb(), replicaBpbRelative * claimedBpb);
    if (Math.abs(replicaBpb - claimedBpb) > tolerance) {
      problems.add(
          String.format(
              java.util.Locale.ROOT,
              "val_bpb %.4f claimed, the replica reached %.4f (tolerance %.3f)",
              claimedBpb,
              replicaBpb,
              tolerance));
    }
    String curve = curveMismatch(claimedCurve, replicaCurve);
    if (curve != null) {
      problems.add(curve);
    }
    return problems.isEmpty()
        ? new Verdict(
            true, String.format(java.util.Locale.ROOT, "replica val_bpb %.4f", replicaBpb))
        : new Verdict(false, String.join("; ", problems));
  }

  /**
   * The first claimed curve point whose train_loss is further than {@code replicaLoss} from the
   * replica's at the same step (linear interpolation between the replica's points), or null.
   */
  String curveMismatch(List<CurvePoint> claimed, List<CurvePoint> replica) {
    List<CurvePoint> r = usable(replica);
    if (claimed == null || r.size() < 2) {
      return null;
    }
    for (CurvePoint p : claimed) {
      if (p.step() == null || p.trainLoss() == null || p.step() < curveFrom) {
        continue;
      }
      if (!denseAround(r, p.step())) {
        continue; // a wide gap: the straight line under-bends a falling loss curve
      }
      Double at = interpolate(r, p.step());
      if (at != null && Math.abs(at - p.trainLoss()) > replicaLoss) {
        return String.format(
            java.util.Locale.ROOT,
            "train_loss %.4f claimed at step %d, the replica had %.4f (tolerance %.2f)",
            p.trainLoss(),
            p.step(),
            at,
            replicaLoss);
      }
    }
    return null;
  }

  private static List<CurvePoint> usable(List<CurvePoint> curve) {
    List<CurvePoint> out = new ArrayList<>();
    if (curve != null) {
      for (CurvePoint p : curve) {
        if (p.step() != null && p.trainLoss() != null && Double.isFinite(p.trainLoss())) {
          out.add(p);
        }
      }
    }
    out.sort(java.util.Comparator.comparingLong(CurvePoint::step));
    return out;
  }

  /** Whether the replica logged close enough on both sides of the step to interpolate there. */
  static boolean denseAround(List<CurvePoint> r, long step) {
    for (int i = 1; i < r.size(); i++) {
      CurvePoint a = r.get(i - 1);
      CurvePoint b = r.get(i);
      if (a.step() <= step && step <= b.step()) {
        return b.step() - a.step() <= Math.max(10, step / 4);
      }
    }
    return false;
  }

  static Double interpolate(List<CurvePoint> r, long step) {
    if (step < r.get(0).step() || step > r.get(r.size() - 1).step()) {
      return null;
    }
    for (int i = 1; i < r.size(); i++) {
      CurvePoint a = r.get(i - 1);
      CurvePoint b = r.get(i);
      if (step <= b.step()) {
        if (b.step().equals(a.step())) {
          return b.trainLoss();
        }
        double f = (double) (step - a.step()) / (b.step() - a.step());
        return a.trainLoss() + f * (b.trainLoss() - a.trainLoss());
      }
    }
    return r.get(r.size() - 1).trainLoss();
  }
}
