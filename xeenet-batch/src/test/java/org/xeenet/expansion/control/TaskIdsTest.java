package org.xeenet.expansion.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskIdsTest {
  @Test
  void idsAreVersion7UuidsUniqueAndAscending() {
    TaskIds ids = new TaskIds();
    List<String> drawn = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      drawn.add(ids.next());
    }
    assertThat(new HashSet<>(drawn)).hasSize(drawn.size());
    assertThat(drawn).isSorted();
    UUID first = UUID.fromString(drawn.get(0));
    assertThat(first.version()).isEqualTo(7);
    assertThat(first.variant()).isEqualTo(2);
    assertThat(drawn.get(0)).hasSize(36);
  }
}
