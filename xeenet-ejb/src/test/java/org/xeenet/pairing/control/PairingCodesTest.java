package org.xeenet.pairing.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PairingCodesTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void codesAreEightCharactersWithoutLookAlikes() {
    for (int i = 0; i < 500; i++) {
      String code = PairingCodes.generate();
      assertThat(code).hasSize(8).doesNotContainPattern("[01OIL]");
      assertThat(PairingCodes.normalise(code)).isEqualTo(code);
    }
  }

  @Test
  void typedCodesAreReadWithOrWithoutDashAnyCase() {
    assertThat(PairingCodes.display("ABCD2345")).isEqualTo("ABCD-2345");
    assertThat(PairingCodes.normalise("abcd-2345")).isEqualTo("ABCD2345");
    assertThat(PairingCodes.normalise(" ABCD 2345 ")).isEqualTo("ABCD2345");
    assertThat(PairingCodes.normalise("ABCD-234")).isNull();
    assertThat(PairingCodes.normalise("ABCD-23450")).isNull();
    assertThat(PairingCodes.normalise("ABCD-O345")).as("O is not in the alphabet").isNull();
    assertThat(PairingCodes.normalise(null)).isNull();
  }

  @Test
  void aCodeIsUsableOnceWithinTenMinutes() {
    Instant expiry = PairingCodes.expiry(T0);
    assertThat(expiry).isEqualTo(T0.plusSeconds(600));
    assertThat(PairingCodes.usable(expiry, null, T0)).isTrue();
    assertThat(PairingCodes.usable(expiry, null, T0.plusSeconds(599))).isTrue();
    assertThat(PairingCodes.usable(expiry, null, T0.plusSeconds(600))).isFalse();
    assertThat(PairingCodes.usable(expiry, T0.plusSeconds(5), T0.plusSeconds(6))).isFalse();
  }
}
