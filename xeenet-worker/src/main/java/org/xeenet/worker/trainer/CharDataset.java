package org.xeenet.worker.trainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.TreeSet;

/**
 * A character-level dataset: the vocabulary is the sorted set of distinct chars of the whole text
 * (so every worker derives the same ids), the first 90% is the training split and the last 10% the
 * validation split.
 */
public final class CharDataset {
  private final char[] vocab;
  private final int[] train;
  private final int[] val;

  public CharDataset(String text) {
    if (text.length() < 100) {
      throw new IllegalArgumentException("dataset too small: " + text.length() + " chars");
    }
    TreeSet<Character> set = new TreeSet<>();
    for (int i = 0; i < text.length(); i++) {
      set.add(text.charAt(i));
    }
    vocab = new char[set.size()];
    int k = 0;
    for (char c : set) {
      vocab[k++] = c;
    }
    int[] lookup = new int[Character.MAX_VALUE + 1];
    for (int i = 0; i < vocab.length; i++) {
      lookup[vocab[i]] = i;
    }
    int n = text.length();
    int split = (int) (n * 0.9);
    train = new int[split];
    val = new int[n - split];
    for (int i = 0; i < n; i++) {
      int id = lookup[text.charAt(i)];
      if (i < split) {
        train[i] = id;
      } else {
        val[i - split] = id;
      }
    }
  }

  public static CharDataset load(Path file) throws IOException {
    return new CharDataset(Files.readString(file, StandardCharsets.UTF_8));
  }

  public int vocabSize() {
    return vocab.length;
  }

  public int trainLength() {
    return train.length;
  }

  public int valLength() {
    return val.length;
  }

  /** A batch of inputs and next-char targets, each {@code batch * block} ids, row major. */
  public record Batch(long[] inputs, long[] targets) {}

  /** A training batch at uniformly random offsets drawn from {@code rng}. */
  public Batch trainBatch(Random rng, int batch, int block) {
    int[] offsets = new int[batch];
    int maxStart = train.length - block - 1;
    for (int b = 0; b < batch; b++) {
      offsets[b] = rng.nextInt(maxStart + 1);
    }
    return gather(train, offsets, block);
  }

  /**
   * The fixed validation batches: {@code count} batches whose offsets are evenly spaced over the
   * validation split, the same for every worker and every call.
   */
  public Batch valBatch(int index, int count, int batch, int block) {
    int maxStart = val.length - block - 1;
    if (maxStart < 0) {
      throw new IllegalArgumentException("validation split shorter than block_size");
    }
    int total = count * batch;
    int[] offsets = new int[batch];
    for (int b = 0; b < batch; b++) {
      long slot = (long) index * batch + b;
      offsets[b] = total <= 1 ? 0 : (int) (slot * maxStart / (total - 1));
    }
    return gather(val, offsets, block);
  }

  /** How many validation batches fit (distinct windows), capped at {@code cap}. */
  public int valBatchCount(int batch, int block, int cap) {
    int windows = Math.max(1, (val.length - 1) / block);
    return Math.max(1, Math.min(cap, windows / Math.max(1, batch)));
  }

  /**
   * Windows covering the whole validation split: non-overlapping, {@code block} chars each, so
   * every validation char (but the last, and a remainder shorter than {@code block}) is predicted
   * exactly once.
   */
  public int fullValWindows(int block) {
    return Math.max(1, (val.length - 1) / block);
  }

  /** Windows {@code first} to {@code first + count - 1} of {@link #fullValWindows}, as a batch. */
  public Batch fullValBatch(int first, int count, int block) {
    if (val.length - 1 < block) {
      throw new IllegalArgumentException("validation split shorter than block_size");
    }
    int[] offsets = new int[count];
    for (int i = 0; i < count; i++) {
      offsets[i] = (first + i) * block;
    }
    return gather(val, offsets, block);
  }

  private static Batch gather(int[] data, int[] offsets, int block) {
    long[] x = new long[offsets.length * block];
    long[] y = new long[offsets.length * block];
    for (int b = 0; b < offsets.length; b++) {
      int o = offsets[b];
      for (int t = 0; t < block; t++) {
        x[b * block + t] = data[o + t];
        y[b * block + t] = data[o + t + 1];
      }
    }
    return new Batch(x, y);
  }
}
