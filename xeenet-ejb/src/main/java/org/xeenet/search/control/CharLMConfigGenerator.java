package org.xeenet.search.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws a campaign's configurations from a {@link CharLMSearchSpace} by random search. The
 * configuration and seed of task {@code i} depend only on the campaign seed and {@code i}, so a
 * batch job restarted mid-way draws exactly the same tasks again; seeds are unique within a
 * campaign.
 */
public final class CharLMConfigGenerator implements ConfigSampler {
  private static final int MAX_DRAWS = 1000;
  private final CharLMSearchSpace space;
  private final long campaignSeed;

  public CharLMConfigGenerator(CharLMSearchSpace space, long campaignSeed) {
    this.space = space;
    this.campaignSeed = campaignSeed;
  }

  /**
   * One task's configuration and training seed; {@code timeBudget} in seconds when the task has a
   * budget of its own (an ASHA rung), null for the campaign's.
   */
  public record GeneratedConfig(
      int index, long seed, Map<String, Object> config, Integer timeBudget) {
    public GeneratedConfig(int index, long seed, Map<String, Object> config) {
      this(index, seed, config, null);
    }
  }

  public CharLMSearchSpace space() {
    return space;
  }

  public long campaignSeed() {
    return campaignSeed;
  }

  @Override
  public GeneratedConfig generate(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative");
    }
    SplittableRandom random = new SplittableRandom(mix(campaignSeed ^ mix(index + 1L)));
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      Map<String, Object> config = new LinkedHashMap<>();
      space.domains().forEach((name, domain) -> config.put(name, domain.sample(random)));
      if ((Integer) config.get("n_embd") % (Integer) config.get("n_head") == 0) {
        return new GeneratedConfig(index, seedOf(index), config);
      }
    }
    throw new IllegalStateException("no configuration with n_embd divisible by n_head");
  }

  /** Unique per index within a campaign: a bijection of the index onto 31-bit seeds. */
  public long seedOf(int index) {
    long base = mix(campaignSeed) & 0x7fffffffL;
    return (base + index) & 0x7fffffffL;
  }

  /** SplitMix64's finaliser: spreads neighbouring inputs over the whole 64-bit range. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
