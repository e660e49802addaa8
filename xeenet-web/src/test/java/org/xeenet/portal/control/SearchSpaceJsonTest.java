package org.xeenet.portal.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchSpaceJsonTest {

  @Test
  void blankMeansNoOverrides() throws Exception {
    assertThat(SearchSpaceJson.parse(null)).isNull();
    assertThat(SearchSpaceJson.parse("")).isNull();
    assertThat(SearchSpaceJson.parse("  \n ")).isNull();
  }

  @Test
  void readsNumbersListsAndRanges() throws Exception {
    Map<String, Object> space =
        SearchSpaceJson.parse(
            "{\"n_layer\": [2, 3], \"dropout\": 0.1,"
                + " \"learning_rate\": {\"low\": 0.0005, \"high\": 0.002, \"log\": true}}");

    assertThat(space).containsOnlyKeys("n_layer", "dropout", "learning_rate");
    assertThat((List<?>) space.get("n_layer"))
        .extracting(v -> ((Number) v).intValue())
        .containsExactly(2, 3);
    assertThat(new BigDecimal(space.get("dropout").toString())).isEqualByComparingTo("0.1");
    @SuppressWarnings("unchecked")
    Map<String, Object> range = (Map<String, Object>) space.get("learning_rate");
    assertThat(range).containsEntry("log", true);
    assertThat(new BigDecimal(range.get("high").toString())).isEqualByComparingTo("0.002");
  }

  @Test
  void keepsTheOrderTheResearcherWrote() throws Exception {
    assertThat(SearchSpaceJson.parse("{\"n_head\": 4, \"n_embd\": 64, \"batch_size\": 8}"))
        .containsKeys("n_head", "n_embd", "batch_size");
  }

  @Test
  void refusesBrokenJson() {
    assertThatThrownBy(() -> SearchSpaceJson.parse("{\"n_layer\": [2, 3"))
        .isInstanceOf(SearchSpaceJson.InvalidJson.class)
        .hasMessageStartingWith("is not valid JSON");
    assertThatThrownBy(() -> SearchSpaceJson.parse("{n_layer: 2}"))
        .isInstanceOf(SearchSpaceJson.InvalidJson.class)
        .hasMessageStartingWith("is not valid JSON");
  }

  @Test
  void refusesWhatIsNotAnObject() {
    assertThatThrownBy(() -> SearchSpaceJson.parse("[1, 2]"))
        .isInstanceOf(SearchSpaceJson.InvalidJson.class)
        .hasMessageStartingWith("must be a JSON object");
    assertThatThrownBy(() -> SearchSpaceJson.parse("42"))
        .isInstanceOf(SearchSpaceJson.InvalidJson.class)
        .hasMessageStartingWith("must be a JSON object");
  }

  @Test
  void refusesHugeInput() {
    String huge = "{\"x\": \"" + "a".repeat(30_000) + "\"}";
    assertThatThrownBy(() -> SearchSpaceJson.parse(huge))
        .isInstanceOf(SearchSpaceJson.InvalidJson.class)
        .hasMessageContaining("too long");
  }

  @Test
  void messagesStayShort() {
    assertThatThrownBy(() -> SearchSpaceJson.parse("{\"a\": " + "[".repeat(500)))
        .isInstanceOf(SearchSpaceJson.InvalidJson.class)
        .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
  }
}
