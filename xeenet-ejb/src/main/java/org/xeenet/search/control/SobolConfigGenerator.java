package org.xeenet.search.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xeenet.search.control.CharLMConfigGenerator.GeneratedConfig;

/**
 * Quasi-random search: task {@code i} takes point {@code i + 1} of a Sobol' sequence digitally
 * shifted by the campaign seed, one coordinate per parameter that is not fixed, mapped through
 * {@link ParameterDomain#fromUnit}. The first {@code 2^m} tasks stratify every parameter's range
 * into {@code 2^m} equal cells (one task each), which random search does only on average. Pairs
 * with {@code n_embd} not a multiple of {@code n_head} are repaired ({@link
 * CharLMSearchSpace#repair}). Seeds as in random search.
 */
public final class SobolConfigGenerator implements ConfigSampler {
  private final CharLMSearchSpace space;
  private final CharLMConfigGenerator seeds;
  private final List<String> free;
  private final SobolSequence sequence;

  public SobolConfigGenerator(CharLMSearchSpace space, long campaignSeed) {
    this.space = space;
    this.seeds = new CharLMConfigGenerator(space, campaignSeed);
    this.free =
        space.domains().entrySet().stream()
            .filter(e -> !(e.getValue() instanceof ParameterDomain.Fixed))
            .map(Map.Entry::getKey)
            .toList();
    this.sequence =
        new SobolSequence(
            Math.max(1, free.size()), CharLMConfigGenerator.mix(campaignSeed ^ 0x50b01L));
  }

  @Override
  public GeneratedConfig generate(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must not be negative");
    }
    double[] u = sequence.point(index + 1L);
    Map<String, Object> config = new LinkedHashMap<>();
    space
        .domains()
        .forEach(
            (name, domain) -> {
              int d = free.indexOf(name);
              config.put(name, d < 0 ? domain.fromUnit(0.5) : domain.fromUnit(u[d]));
            });
    space.repair(config);
    return new GeneratedConfig(index, seeds.seedOf(index), config);
  }
}
