package org.xeenet.trust.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xeenet.api.CurvePoint;

class AgreementTest {
  private final Agreement agreement = Agreement.DEFAULT;

  @Test
  void aRecomputationAgreesWithinTheTolerance() {
    assertThat(agreement.verify(1.80, 1.81).agrees()).isTrue();
    assertThat(agreement.verify(1.80, 1.785).agrees()).isTrue();
    Agreement.Verdict off = agreement.verify(1.55, 1.80);
    assertThat(off.agrees()).isFalse();
    assertThat(off.detail()).contains("1.5500 claimed, 1.8000 recomputed");
    assertThat(agreement.verify(1.8, null).agrees()).isFalse();
  }

  private static List<CurvePoint> curve(long steps, double start, double end, long shift) {
    List<CurvePoint> c = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      long s = steps * i / 10 + shift;
      c.add(new CurvePoint(s, s * 0.01, start + (end - start) * i / 10.0, null));
    }
    return c;
  }

  @Test
  void aReplicaAgreesAtInterpolatedSharedSteps() {
    // the replica logged at other steps: its loss is interpolated at the claimed steps
    Agreement.Verdict v =
        agreement.replicate(1.9, curve(1000, 3.0, 1.4, 0), 1.93, curve(1000, 3.05, 1.42, 37));
    assertThat(v.agrees()).as(v.detail()).isTrue();
  }

  @Test
  void aReplicaDisagreesOnValBpbOrOnTheCurve() {
    assertThat(
            agreement.replicate(1.6, curve(1000, 3, 1.4, 0), 1.9, curve(1000, 3, 1.4, 0)).agrees())
        .isFalse();
    Agreement.Verdict curve =
        agreement.replicate(1.9, curve(1000, 3.0, 1.4, 0), 1.9, curve(1000, 3.6, 1.4, 0));
    assertThat(curve.agrees()).isFalse();
    assertThat(curve.detail()).contains("train_loss").contains("claimed at step");
    assertThat(agreement.replicate(1.9, List.of(), null, List.of()).agrees()).isFalse();
  }

  @Test
  void interpolationStaysInsideTheReplicasRange() {
    List<CurvePoint> r = curve(100, 3, 2, 0);
    assertThat(Agreement.interpolate(r, 5)).isNull();
    assertThat(Agreement.interpolate(r, 15))
        .isCloseTo(2.85, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Agreement.interpolate(r, 101)).isNull();
  }
}
