package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;

/** A question to the research assistant, about one campaign ({@code campaign_id}) or none. */
public record AssistantQuestion(
    @JsonbProperty("question") String question, @JsonbProperty("campaign_id") String campaignId) {}
