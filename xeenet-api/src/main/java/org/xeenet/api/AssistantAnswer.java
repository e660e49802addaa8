package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;

/**
 * The research assistant's answer: a short {@code answer} (one or two sentences) first, then {@code
 * details} to drill down. {@code intent} names what the question was understood as ({@code best},
 * {@code importance}, {@code task}, {@code next}, {@code progress}, {@code brief}, {@code help}).
 */
public record AssistantAnswer(
    @JsonbProperty("intent") String intent,
    @JsonbProperty("campaign_id") String campaignId,
    @JsonbProperty("answer") String answer,
    @JsonbProperty("details") List<Detail> details) {

  /**
   * One drill-down item: a title, a sentence or two, and optional structured {@code data} (a
   * configuration, a proposed {@code search_space} or brief).
   */
  public record Detail(
      @JsonbProperty("title") String title,
      @JsonbProperty("text") String text,
      @JsonbProperty("data") Map<String, Object> data) {}
}
