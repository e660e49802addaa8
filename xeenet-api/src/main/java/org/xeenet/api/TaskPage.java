package org.xeenet.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** One page of a task table; pages count from 1. */
public record TaskPage(
    @JsonbProperty("items") List<TaskView> items,
    @JsonbProperty("page") int page,
    @JsonbProperty("page_size") int pageSize,
    @JsonbProperty("total") long total) {}
