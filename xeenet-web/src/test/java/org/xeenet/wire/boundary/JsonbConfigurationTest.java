package org.xeenet.wire.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.xeenet.api.BriefSpec;
import org.xeenet.api.WorkerRegistration;

class JsonbConfigurationTest {
  private final Jsonb jsonb = new JsonbConfiguration().getContext(BriefSpec.class);

  @Test
  void absentAndNullFieldsAreNull() {
    BriefSpec brief =
        jsonb.fromJson(
            "{\"title\":\"t\",\"num_tasks\":4.0,\"time_budget_per_task\":60,\"seed\":null,"
                + "\"budget_credits\":12.5,\"search_space\":{\"n_layer\":[1,2],\"dropout\":0.1}}",
            BriefSpec.class);
    assertThat(brief.title()).isEqualTo("t");
    assertThat(brief.numTasks()).isEqualTo(4);
    assertThat(brief.seed()).isNull();
    assertThat(brief.priority()).isNull();
    assertThat(brief.budgetCredits()).isEqualTo(12.5);
    assertThat(brief.searchSpace()).containsKeys("n_layer", "dropout");
  }

  @Test
  void numbersAreNeverTruncated() {
    assertThatThrownBy(() -> jsonb.fromJson("{\"priority\":9223372036854775808}", BriefSpec.class))
        .isInstanceOf(JsonbException.class);
    assertThatThrownBy(() -> jsonb.fromJson("{\"num_tasks\":2.5}", BriefSpec.class))
        .isInstanceOf(JsonbException.class);
    assertThatThrownBy(() -> jsonb.fromJson("{\"seed\":1e40}", BriefSpec.class))
        .isInstanceOf(JsonbException.class);
    assertThatThrownBy(() -> jsonb.fromJson("{\"budget_credits\":1e400}", BriefSpec.class))
        .isInstanceOf(JsonbException.class);
    assertThatThrownBy(() -> jsonb.fromJson("{\"num_tasks\":\"4\"}", BriefSpec.class))
        .isInstanceOf(JsonbException.class);
  }

  @Test
  void textIsNeverMadeFromNumbers() {
    assertThatThrownBy(() -> jsonb.fromJson("{\"name\":123}", WorkerRegistration.class))
        .isInstanceOf(JsonbException.class);
    assertThatThrownBy(() -> jsonb.fromJson("{\"title\":true}", BriefSpec.class))
        .isInstanceOf(JsonbException.class);
    assertThat(jsonb.fromJson("{\"name\":\"w1\"}", WorkerRegistration.class).name())
        .isEqualTo("w1");
  }
}
