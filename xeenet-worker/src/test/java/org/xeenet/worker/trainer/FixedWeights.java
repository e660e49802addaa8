package org.xeenet.worker.trainer;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/** Deterministic weights shared with bench/fixed_forward.py (same formula, same names). */
final class FixedWeights {
  private FixedWeights() {}

  /** Gains near 1, everything else small: 0.1·sin(0.37·i + 0.1·len(name)). */
  static float value(String name, int i) {
    double s = 0.1 * Math.sin(0.37 * i + 0.1 * name.length());
    return (float) (name.endsWith("gamma") ? 1.0 + s : s);
  }

  static List<String> names(List<Pair<String, Parameter>> ps) {
    List<String> out = new ArrayList<>();
    for (Pair<String, Parameter> p : ps) {
      out.add(p.getKey() + p.getValue().getArray().getShape());
    }
    return out;
  }

  /** Printed by {@code /usr/bin/python3 bench/fixed_forward.py} (Debian's PyTorch 1.13). */
  static final float[] EXPECTED_LOGITS = {
    0.5262825f,
    -0.4721653f,
    0.4025207f,
    -0.3196390f,
    0.2262459f,
    0.4059744f,
    -0.3396014f,
    0.2620605f,
    -0.1759016f,
    0.0839582f,
    0.5275708f,
    -0.4791190f,
    0.4149111f,
    -0.3370587f,
    0.2481220f,
    0.4404547f,
    -0.3745972f,
    0.2964210f,
    -0.2084969f,
    0.1137163f,
    0.5092216f,
    -0.4602779f,
    0.3961979f,
    -0.3190888f,
    0.2314863f,
    0.4256745f,
    -0.3596545f,
    0.2818070f,
    -0.1946923f,
    0.1011750f,
    0.5244836f,
    -0.4760217f,
    0.4119057f,
    -0.3342440f,
    0.2455905f,
    0.4256748f,
    -0.3596547f,
    0.2818073f,
    -0.1946926f,
    0.1011752f
  };
}
