package org.xeenet.trust;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.xeenet.api.CurvePoint;

/**
 * Deterministic simulated training for the trust tests and benchmark (test code only): the
 * "weights" after {@code steps} steps of a config and seed are {@code target(config) +
 * noise(config, seed) · exp(−steps/τ)}, and the "forward pass" on the validation split is {@code
 * floor(config) + 3 · rms(weights − target(config))} bits per byte. So a result, a replica of it
 * and a recomputation from its checkpoint are exact functions of config, seed and steps: checks of
 * simulated results are meaningful, and any lie about val_bpb, steps or the task shows.
 *
 * <p>A checkpoint is a 16-byte header (magic, run nonce) and the weights as floats; the nonce makes
 * two runs' checkpoints differ in bytes even when their weights are the same.
 */
public final class SimulatedRun {
  static final int DIM = 64;
  static final double TAU = 600;
  static final double LN2 = Math.log(2);
  static final int MAGIC = 0x5853494d; // "XSIM"

  private SimulatedRun() {}

  /** Result of a run: metrics, curve and checkpoint bytes. */
  public record Run(
      long steps,
      double valBpb,
      double trainLoss,
      List<CurvePoint> curve,
      byte[] checkpoint,
      String checkpointSha256) {}

  /** Trains (instantly) {@code steps} steps of the config with the seed. */
  public static Run train(
      Map<String, Object> config, long seed, long steps, long nonce, double wallSeconds) {
    float[] w = weights(config, seed, steps);
    double bpb = evaluate(config, w);
    List<CurvePoint> curve = new ArrayList<>();
    int points = 10;
    for (int i = 1; i <= points; i++) {
      long s = Math.max(1, steps * i / points);
      double loss = trainLoss(config, seed, s);
      double at = Math.round(wallSeconds * s / Math.max(1, steps) * 1000) / 1000.0;
      curve.add(new CurvePoint(s, at, round(loss), i == points ? round(bpb) : null));
    }
    byte[] ckpt = checkpoint(w, nonce);
    return new Run(
        steps, round(bpb), round(trainLoss(config, seed, steps)), curve, ckpt, sha256(ckpt));
  }

  /** The smoothed train loss (nats) at a step: a little above the validation loss. */
  static double trainLoss(Map<String, Object> config, long seed, long step) {
    return evaluate(config, weights(config, seed, step)) * LN2 + 0.02;
  }

  /** The recomputation a verifier does: val_bpb of checkpoint bytes under a config. */
  public static Double evaluate(Map<String, Object> config, byte[] checkpoint) {
    ByteBuffer in = ByteBuffer.wrap(checkpoint);
    if (checkpoint.length != 16 + DIM * 4 || in.getInt() != MAGIC) {
      return null;
    }
    in.getInt();
    in.getLong();
    float[] w = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      w[i] = in.getFloat();
    }
    return round(evaluate(config, w));
  }

  static double evaluate(Map<String, Object> config, float[] w) {
    float[] target = vector(canonical(config), 0);
    double sum = 0;
    for (int i = 0; i < DIM; i++) {
      double d = w[i] - target[i];
      sum += d * d;
    }
    return floor(config) + 3 * Math.sqrt(sum / DIM);
  }

  static double floor(Map<String, Object> config) {
    return 1.9 + (Math.abs(canonical(config).hashCode()) % 100) / 200.0;
  }

  static float[] weights(Map<String, Object> config, long seed, long steps) {
    float[] target = vector(canonical(config), 0);
    float[] noise = vector(canonical(config), seed + 1);
    double decay = Math.exp(-steps / TAU);
    float[] w = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      w[i] = (float) (target[i] + noise[i] * decay);
    }
    return w;
  }

  private static float[] vector(String key, long salt) {
    Random r = new Random(key.hashCode() * 31L + salt);
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  /** The config without max_steps (a replica's config holds it), keys sorted. */
  static String canonical(Map<String, Object> config) {
    TreeMap<String, Object> sorted = new TreeMap<>();
    for (Map.Entry<String, Object> e : config.entrySet()) {
      if (!e.getKey().equals("max_steps")) {
        Object v = e.getValue();
        sorted.put(e.getKey(), v instanceof Number n ? n.doubleValue() : String.valueOf(v));
      }
    }
    return sorted.toString();
  }

  static byte[] checkpoint(float[] w, long nonce) {
    ByteBuffer out = ByteBuffer.allocate(16 + DIM * 4);
    out.putInt(MAGIC).putInt(DIM).putLong(nonce);
    for (float f : w) {
      out.putFloat(f);
    }
    return out.array();
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static double round(double v) {
    return Math.round(v * 1e5) / 1e5;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
