package org.xeenet.search.control;

import org.xeenet.search.control.CharLMConfigGenerator.GeneratedConfig;

/**
 * Draws the configuration and seed of a campaign's task {@code index}. Implementations are pure
 * functions of the campaign seed, the search space and the index, so a restarted expansion job
 * draws the same tasks again.
 */
public interface ConfigSampler {
  GeneratedConfig generate(int index);
}
