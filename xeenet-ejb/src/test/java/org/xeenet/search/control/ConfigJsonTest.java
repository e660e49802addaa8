package org.xeenet.search.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigJsonTest {
  @Test
  void writesWhatJsonbWritesAndReadsBackTheSameConfig() throws Exception {
    CharLMSearchSpace space = CharLMSearchSpace.withOverrides(null, new ArrayList<>());
    CharLMConfigGenerator generator = new CharLMConfigGenerator(space, 99L);
    try (Jsonb jsonb = JsonbBuilder.create()) {
      for (int i = 0; i < 500; i++) {
        Map<String, Object> config = generator.generate(i).config();
        config.put(SearchPlan.MAX_STEPS, 2000L);
        String written = ConfigJson.write(config);
        assertThat(written).isEqualTo(jsonb.toJson(config));
        assertThat(ConfigJson.parse(written)).isEqualTo(config);
      }
    }
  }

  @Test
  void escapesStringsAndRefusesWhatIsNotFlat() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("name", "a \"b\"\\\n\u0001");
    config.put("flag", true);
    config.put("none", null);
    assertThat(ConfigJson.write(config))
        .isEqualTo("{\"name\":\"a \\\"b\\\"\\\\\\n\\u0001\",\"flag\":true,\"none\":null}");
    assertThatThrownBy(() -> ConfigJson.write(Map.of("x", List.of(1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConfigJson.write(Map.of("x", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theFastPathReadsWhatJsonPReadsAndLeavesTheRestToIt() {
    String[] texts = {
      "{\"a\":1,\"b\":-2.5E-3,\"c\":\"x y\",\"d\":true,\"e\":false,\"f\":null}",
      " { \"a\" : 1 , \"b\" : 0.001 } ",
      "{}",
      "{\"s\":\"esc\\\"aped\"}",
      "{\"nested\":{\"a\":1}}",
      "{\"list\":[1,2]}",
      "{\"a\":1,\"a\":2}"
    };
    for (String text : texts) {
      Map<String, Object> fast = ConfigJson.parseFlat(text);
      if (fast != null) {
        assertThat(CharLMSearchSpace.normalize(fast)).as(text).isEqualTo(ConfigJson.parse(text));
      }
    }
    assertThat(ConfigJson.parseFlat(texts[0])).hasSize(6);
    assertThat(ConfigJson.parseFlat(texts[3])).isNull();
    assertThat(ConfigJson.parseFlat(texts[4])).isNull();
    assertThat(ConfigJson.parseFlat(texts[6])).isNull();
    assertThat(ConfigJson.parse(texts[4])).containsKey("nested");
    assertThat(ConfigJson.parseFlat("{\"a\":1")).isNull();
    assertThat(ConfigJson.parseFlat("{\"a\":1}x")).isNull();
  }
}
