package org.xeenet.cluster.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StateMessageTest {
  @Test
  void roundTripsThroughItsText() {
    StateMessage message = new StateMessage("c-1", "PAUSED", "instance a");
    assertThat(message.text()).isEqualTo("c-1 PAUSED instance_a");
    assertThat(StateMessage.parse(message.text())).contains(message);
  }

  @Test
  void ignoresAnythingElse() {
    assertThat(StateMessage.parse(null)).isEmpty();
    assertThat(StateMessage.parse("c-1 PAUSED")).isEmpty();
    assertThat(StateMessage.parse("c-1 paused x")).isEmpty();
    assertThat(StateMessage.parse("c-1 PAUSED x y")).isEmpty();
  }

  @Test
  void refusesBadParts() {
    assertThatThrownBy(() -> new StateMessage("a b", "PAUSED", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StateMessage("a", null, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new StateMessage("a", "CANCELLED", null).origin()).isEqualTo("?");
  }
}
